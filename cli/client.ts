import { hc } from 'hono/client';
import { whenAdmitted } from '../server/api/index.ts';
import type { AppType } from '../server/app.ts';
import type { Config } from '../server/config.ts';
import { GovdraftError } from '../server/errors.ts';

export type Client = ReturnType<typeof hc<AppType>>;

/**
 * The CLI's only way into the engine: the typed Hono client, either in-process (`fetch` bound to
 * the app, no port opened) or against a running server (`--server URL`). Requests carry the
 * server's own origin: the server refuses state changes from other origins (browser pages).
 */
export async function createClient(config: Config, server?: string): Promise<Client> {
  if (server) {
    const base = server.replace(/\/+$/, '');
    const headers: Record<string, string> = {
      Origin: new URL(base).origin,
      ...(config.token ? { Authorization: `Bearer ${config.token}` } : {}),
    };
    // A busy server's 503 with Retry-After is waited out, not shown as an error.
    const reach = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      whenAdmitted(() => fetch(input, init)).catch((error: unknown) => {
        throw connectionError(base, error);
      });
    return hc<AppType>(base, { headers, fetch: reach });
  }
  // Loaded on demand: the engine pulls in LanceDB and friends, which `--help` does not need.
  const { createApp } = await import('../server/app.ts');
  // One command, one user: uploads are parsed on this thread (no worker to start for each command).
  const app = createApp({ ...config, workers: { ...config.workers, size: 0 } });
  const base = 'http://localhost';
  return hc<AppType>(base, {
    headers: { Origin: base },
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      whenAdmitted(async () => app.fetch(new Request(input, init))),
  });
}

/** Reads a JSON response, turning an API problem into a GovdraftError the CLI can print. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: R,
): Promise<Awaited<ReturnType<R['json']>>> {
  if (response.ok) return (await response.json()) as Awaited<ReturnType<R['json']>>;
  // Not JSON (a proxy or a foreign server answered): the generic message below.
  const problem: unknown = await response.json().catch(() => null);
  throw GovdraftError.fromJSON(problem, {
    messageZh: `服务返回错误\uFF08HTTP ${response.status}\uFF09`,
    messageEn: `Server answered HTTP ${response.status}`,
  });
}

/** Wraps a connection failure to a `--server` URL in a clear message (an aborted request stays as it is). */
function connectionError(server: string, cause: unknown): unknown {
  if (cause instanceof Error && cause.name === 'AbortError') return cause;
  const detail = (cause as { cause?: { code?: string } }).cause?.code;
  const reason = [cause instanceof Error ? cause.message : String(cause), detail].filter(Boolean).join(': ');
  return new GovdraftError(
    'server_unreachable',
    `无法连接服务 ${server}，请确认 govdraft serve 已启动、地址和端口正确`,
    `Cannot reach ${server}: ${reason}`,
    { cause },
  );
}
