import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerAuth } from './api/auth.ts';
import { healthRoutes } from './api/health.ts';
import { type LazyHandlers, lazyRoutes } from './api/lazy.ts';
import { loopbackGuard } from './api/origin.ts';
import { payloadTooLarge, problemResponse } from './api/problem.ts';
import { routeTable } from './api/route-table.ts';
import type { Config } from './config.ts';
import { createEngine, type Engine } from './engine.ts';
import { GovdraftError } from './errors.ts';

/** Options of `createApp`. */
export interface AppOptions {
  /** Import every route module at once (a server warming up) instead of on each one's first request. */
  preload?: boolean;
}

/**
 * Builds the Hono app for a configuration. The CLI (in-process, through `hc<AppType>`) and the HTTP
 * server both use it. Pass an engine to share one store between apps (tests, benchmarks). Route
 * modules load on their first request: `govdraft check` never loads LanceDB or the drafting engine.
 */
export function createApp(config: Config, engine: Engine = createEngine(config), options: AppOptions = {}) {
  const app = new Hono();
  const handlers: LazyHandlers = {
    onError: (error, c) => problemResponse(c, error),
    notFound: (c) =>
      problemResponse(
        c,
        new GovdraftError(
          'not_found',
          `没有这个接口:${c.req.method} ${c.req.path}`,
          `No route ${c.req.method} ${c.req.path}`,
        ),
      ),
  };
  const lazy = <T extends Hono>(load: () => Promise<T>): T => lazyRoutes(load, handlers, options.preload);
  const table = routeTable(config, engine);
  app.onError(handlers.onError);
  app.notFound(handlers.notFound);
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
  app.use('/api/*', engine.admission.middleware());
  // The page and its assets carry no data: outside the typed API, and outside the token. Its module
  // (JSX, assets) loads on the first visit, so commands never pay for it.
  const page = lazyPage(handlers, options.preload);
  app.get('/', page).get('/assets/*', page);
  return app
    .route('/api/health', healthRoutes(config, engine.admission.state))
    .route(
      '/api/openapi.json',
      lazy(async () => (await import('./api/openapi.ts')).openApiRoutes(table)),
    )
    .route('/api/status', lazy(table['/api/status']))
    .route('/api/reports', lazy(table['/api/reports']))
    .route('/api/search', lazy(table['/api/search']))
    .route('/api/ledger', lazy(table['/api/ledger']))
    .route('/api/offices', lazy(table['/api/offices']))
    .route('/api/materials', lazy(table['/api/materials']))
    .route('/api/check', lazy(table['/api/check']))
    .route('/api/corpus', lazy(table['/api/corpus']))
    .route('/api/chat', lazy(table['/api/chat']))
    .route('/api/draft', lazy(table['/api/draft']))
    .route('/api/drafts', lazy(table['/api/drafts']));
}

/** A handler serving the web page and its assets from a module imported on first use. */
function lazyPage(handlers: LazyHandlers, preload = false): (c: Context) => Promise<Response> {
  let loading: Promise<Hono> | null = null;
  const load = (): Promise<Hono> => {
    loading ??= import('./web/index.ts').then(({ webRoutes }) => {
      const routes = new Hono().route('/', webRoutes());
      routes.onError(handlers.onError);
      routes.notFound(handlers.notFound);
      return routes;
    });
    return loading;
  };
  if (preload) void load().catch(() => undefined);
  return async (c) => (await load()).fetch(c.req.raw, c.env);
}

export type AppType = ReturnType<typeof createApp>;
