import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { GovdraftError } from '../errors.ts';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Requires `Authorization: Bearer <token>` on every route but the health probe. */
export function bearerAuth(token: string) {
  return createMiddleware(async (c, next) => {
    if (c.req.path === '/api/health') return next();
    const header = c.req.header('Authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    if (!given || !same(given, token)) {
      throw new GovdraftError(
        'unauthorized',
        given ? '访问令牌不正确' : '需要访问令牌:请在请求头加入 Authorization: Bearer <GOVDRAFT_TOKEN>',
        given ? 'Invalid bearer token' : 'Missing bearer token (Authorization: Bearer <GOVDRAFT_TOKEN>)',
      );
    }
    return next();
  });
}
