import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerAuth } from './api/auth.ts';
import { chatRoutes } from './api/chat.ts';
import { checkRoutes } from './api/check.ts';
import { corpusRoutes } from './api/corpus.ts';
import { draftRoutes } from './api/draft.ts';
import { draftsRoutes } from './api/drafts.ts';
import { healthRoutes } from './api/health.ts';
import { ledgerRoutes } from './api/ledger.ts';
import { openApiRoutes } from './api/openapi.ts';
import { loopbackGuard } from './api/origin.ts';
import { payloadTooLarge, problemResponse } from './api/problem.ts';
import { reportRoutes } from './api/reports.ts';
import { searchRoutes } from './api/search.ts';
import { statusRoutes } from './api/status.ts';
import type { Config } from './config.ts';
import { createEngine, type Engine } from './engine.ts';
import { GovdraftError } from './errors.ts';

/**
 * Builds the Hono app for a configuration. The CLI (in-process, through `hc<AppType>`) and the HTTP
 * server both use it. Pass an engine to share one store between apps (tests, benchmarks).
 */
export function createApp(config: Config, engine: Engine = createEngine(config)) {
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
  // Before anything reads the body: a foreign page's upload is refused unread.
  if (!config.token) app.use('*', loopbackGuard());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => problemResponse(c, payloadTooLarge(config.maxBodyBytes)),
    }),
  );
  if (config.token) app.use('/api/*', bearerAuth(config.token));
  return app
    .route('/api/health', healthRoutes(config))
    .route('/api/openapi.json', openApiRoutes())
    .route('/api/status', statusRoutes(engine))
    .route('/api/reports', reportRoutes(engine))
    .route('/api/search', searchRoutes(engine))
    .route('/api/ledger', ledgerRoutes(engine))
    .route('/api/check', checkRoutes(engine))
    .route('/api/corpus', corpusRoutes(engine))
    .route('/api/chat', chatRoutes(engine))
    .route('/api/draft', draftRoutes(engine))
    .route('/api/drafts', draftsRoutes(engine));
}

export type AppType = ReturnType<typeof createApp>;
