import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerAuth } from './api/auth.ts';
import { healthRoutes } from './api/health.ts';
import { type LazyHandlers, lazyRoutes } from './api/lazy.ts';
import { payloadTooLarge, problemResponse } from './api/problem.ts';
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
  app.onError(handlers.onError);
  app.notFound(handlers.notFound);
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => problemResponse(c, payloadTooLarge(config.maxBodyBytes)),
    }),
  );
  if (config.token) app.use('/api/*', bearerAuth(config.token));
  // The page and its assets carry no data: outside the typed API, and outside the token. Its module
  // (JSX, assets) loads on the first visit, so commands never pay for it.
  const page = lazyPage(handlers, options.preload);
  app.get('/', page).get('/assets/*', page);
  return app
    .route('/api/health', healthRoutes(config))
    .route(
      '/api/openapi.json',
      lazy(async () => (await import('./api/openapi.ts')).openApiRoutes()),
    )
    .route(
      '/api/status',
      lazy(async () => (await import('./api/status.ts')).statusRoutes(engine)),
    )
    .route(
      '/api/reports',
      lazy(async () => (await import('./api/reports.ts')).reportRoutes(engine)),
    )
    .route(
      '/api/search',
      lazy(async () => (await import('./api/search.ts')).searchRoutes(engine)),
    )
    .route(
      '/api/ledger',
      lazy(async () => (await import('./api/ledger.ts')).ledgerRoutes(engine)),
    )
    .route(
      '/api/check',
      lazy(async () => (await import('./api/check.ts')).checkRoutes(engine)),
    )
    .route(
      '/api/corpus',
      lazy(async () => (await import('./api/corpus.ts')).corpusRoutes(engine)),
    )
    .route(
      '/api/chat',
      lazy(async () => (await import('./api/chat.ts')).chatRoutes(engine)),
    )
    .route(
      '/api/draft',
      lazy(async () => (await import('./api/draft.ts')).draftRoutes(engine)),
    )
    .route(
      '/api/drafts',
      lazy(async () => (await import('./api/drafts.ts')).draftsRoutes(engine)),
    );
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
