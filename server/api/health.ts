import { Hono } from 'hono';
import type { Config } from '../config.ts';

/** GET /api/health — liveness and whether a model is configured; needs no store. */
export function healthRoutes(config: Config) {
  return new Hono().get('/', (c) =>
    c.json({
      status: 'ok' as const,
      version: process.env.npm_package_version ?? '0.1.0',
      model: config.model ? { chat: config.model.chatModel, embed: config.model.embedModel } : null,
    }),
  );
}
