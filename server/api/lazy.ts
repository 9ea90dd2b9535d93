import { type Context, Hono, type NotFoundHandler } from 'hono';

/** What a lazily loaded sub-app answers with when it has no route or a handler throws. */
export interface LazyHandlers {
  notFound: NotFoundHandler;
  onError: (error: Error, c: Context) => Response | Promise<Response>;
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono sub-app, whatever its env and schema
type AnyHono = Hono<any, any, any>;

/**
 * A sub-app whose module is imported on its first request, so a command that needs one route does
 * not load every route's dependencies (LanceDB, docx, the drafting engine…). It is typed as the real
 * sub-app, so `hc<AppType>` keeps every route; at run time it forwards whatever arrives under its
 * mount path to the real one. `preload` starts the import at once (a server warms up at start).
 * @example app.route('/api/check', lazyRoutes(() => import('./check.ts').then((m) => m.checkRoutes(engine)), handlers))
 */
export function lazyRoutes<T extends AnyHono>(
  load: () => Promise<T>,
  handlers: LazyHandlers,
  preload = false,
): T {
  let loading: Promise<T> | null = null;
  const start = (): Promise<T> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  if (preload) void start().catch(() => undefined);
  let mounted: Promise<AnyHono> | null = null;
  const mount = (path: string): Promise<AnyHono> => {
    mounted ??= start().then(
      (routes) => {
        const app = new Hono().route(path, routes);
        app.notFound(handlers.notFound);
        app.onError(handlers.onError);
        return app;
      },
      (error: unknown) => {
        mounted = null;
        throw error;
      },
    );
    return mounted;
  };
  const proxy = new Hono().all('*', async (c) => {
    // The mount path is where this proxy was routed: '/api/check/*' → '/api/check'.
    const app = await mount(c.req.routePath.replace(/\/?\*$/, ''));
    return app.fetch(c.req.raw, c.env);
  });
  return proxy as unknown as T;
}
