import { Hono } from 'hono';
import type { Config } from '../config.ts';
import type { AdmissionState } from './admission.ts';
import { loopDelay } from './loop-delay.ts';

/**
 * GET /api/health — liveness, whether a model is configured, the admission queue (requests running
 * and waiting, recent service time, refusals: a load balancer can steer by it) and the event loop's
 * delay over the last seconds (null outside a server); needs no store.
 */
export function healthRoutes(config: Config, load: () => AdmissionState) {
  return new Hono().get('/', (c) =>
    c.json({
      status: 'ok' as const,
      version: process.env.npm_package_version ?? '0.1.0',
      model: config.model ? { chat: config.model.chatModel, embed: config.model.embedModel } : null,
      load: load(),
      eventLoop: loopDelay(),
    }),
  );
}
