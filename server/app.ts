import { Hono } from 'hono';
import type { Config } from './config.ts';

/** Builds the Hono app for a configuration. The CLI and the HTTP server both use it. */
export function createApp(config: Config) {
  return new Hono().get('/api/health', (c) =>
    c.json({ status: 'ok' as const, offline: config.model === null, dataDir: config.dataDir }),
  );
}

export type AppType = ReturnType<typeof createApp>;
