import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerAuth } from './api/auth.ts';
import { healthRoutes } from './api/health.ts';
import { payloadTooLarge, problemResponse } from './api/problem.ts';
import type { Config } from './config.ts';
import { GovdraftError } from './errors.ts';

/** Builds the Hono app for a configuration. The CLI (in-process) and the HTTP server both use it. */
export function createApp(config: Config) {
  const app = new Hono();
  app.onError((error, c) => problemResponse(c, error));
  app.notFound((c) =>
    problemResponse(
      c,
      new GovdraftError(
        'not_found',
        `没有这个接口:${c.req.method} ${c.req.path}`,
        `No route ${c.req.method} ${c.req.path}`,
      ),
    ),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => problemResponse(c, payloadTooLarge(config.maxBodyBytes)),
    }),
  );
  if (config.token) app.use('/api/*', bearerAuth(config.token));
  return app.route('/api/health', healthRoutes(config));
}

export type AppType = ReturnType<typeof createApp>;
