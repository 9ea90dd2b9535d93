/**
 * With no token, the server trusts whoever can reach 127.0.0.1 — which includes every web page the
 * user opens. This guard lets in only requests a browser page of another site cannot make: the
 * Host must be a loopback name (a DNS-rebinding page carries its own), an Origin must be the
 * server's own, and a state change must be JSON (which a foreign page can send only after a CORS
 * preflight this server never grants) or carry a same-origin signal (the server's own page).
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { GovdraftError } from '../errors.ts';
import { isLoopback } from '../loopback.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const isJson = (c: Context): boolean =>
  /^application\/(.+\+)?json\s*(;|$)/i.test(c.req.header('content-type') ?? '');

function forbidden(zh: string, en: string): GovdraftError {
  return new GovdraftError('forbidden', `拒绝访问：${zh}`, `Forbidden: ${en}`);
}

/** The Origin header as host:port, '' when absent, null when it is no http(s) origin (e.g. "null"). */
function originHost(origin: string | undefined): string | null {
  if (origin === undefined) return '';
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) ? url.host : null;
  } catch {
    return null;
  }
}

/** Throws `forbidden` (403) unless the request is one only this machine's own clients make. */
function checkRequest(c: Context): void {
  const target = new URL(c.req.url);
  if (!isLoopback(target.hostname)) {
    throw forbidden(
      `请求的主机名“${target.hostname}”不是本机地址（可能是 DNS 重绑定攻击）；请用 http://127.0.0.1 或 http://localhost 访问`,
      `Host "${target.host}" is not a loopback name or address (DNS rebinding?)`,
    );
  }
  const origin = c.req.header('origin');
  const from = originHost(origin);
  const site = c.req.header('sec-fetch-site');
  if ((from !== '' && from !== target.host) || site === 'cross-site' || site === 'same-site') {
    throw forbidden(
      `不接受来自其他网站${origin ? `（${origin}）` : ''}的请求`,
      `cross-origin request${origin ? ` from ${origin}` : ''} (Sec-Fetch-Site: ${site ?? 'none'})`,
    );
  }
  const sameOrigin = from === target.host || site === 'same-origin';
  if (!safeMethods.has(c.req.method) && !isJson(c) && !sameOrigin) {
    throw forbidden(
      '修改数据的请求须以 JSON（Content-Type: application/json）发送，或来自本服务自己的页面（Origin 与服务地址相同）',
      `${c.req.method} without Content-Type: application/json needs a same-origin Origin or Sec-Fetch-Site: same-origin`,
    );
  }
}

/** The loopback mode's defence against browsers (see above); token mode does not need it. */
export function loopbackGuard() {
  return createMiddleware(async (c, next) => {
    checkRequest(c);
    return next();
  });
}
