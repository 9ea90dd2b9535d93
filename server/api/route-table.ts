/**
 * The API's route modules by mount path, each built on first use: app.ts mounts them (lazily) and the
 * OpenAPI document is generated from the routes they really declare.
 */
import type { Hono } from 'hono';
import type { Config } from '../config.ts';
import type { Engine } from '../engine.ts';
import { healthRoutes } from './health.ts';

/** Every route module of the API, by mount path (the OpenAPI document's own route excepted). */
export function routeTable(config: Config, engine: Engine) {
  return {
    '/api/health': async () => healthRoutes(config, engine.admission.state),
    '/api/status': async () => (await import('./status.ts')).statusRoutes(engine),
    '/api/reports': async () => (await import('./reports.ts')).reportRoutes(engine),
    '/api/search': async () => (await import('./search.ts')).searchRoutes(engine),
    '/api/ledger': async () => (await import('./ledger.ts')).ledgerRoutes(engine),
    '/api/offices': async () => (await import('./offices.ts')).officeRoutes(engine),
    '/api/materials': async () => (await import('./materials.ts')).materialRoutes(engine),
    '/api/check': async () => (await import('./check.ts')).checkRoutes(engine),
    '/api/corpus': async () => (await import('./corpus.ts')).corpusRoutes(engine),
    '/api/chat': async () => (await import('./chat.ts')).chatRoutes(engine),
    '/api/draft': async () => (await import('./draft.ts')).draftRoutes(engine),
    '/api/drafts': async () => (await import('./drafts.ts')).draftsRoutes(engine),
  };
}

/** One route as declared: GET /api/reports/{id}. */
export interface DeclaredRoute {
  method: string;
  /** OpenAPI style: path parameters in braces. */
  path: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono sub-app, whatever its env and schema
type AnyRoutes = Hono<any, any, any>;

/** A table of route modules by mount path. */
export type RouteTable = Record<string, () => Promise<AnyRoutes>>;

/** Every method and path the modules of `table` declare (middleware left out), in table order. */
export async function declaredRoutes(table: RouteTable): Promise<DeclaredRoute[]> {
  const seen = new Map<string, DeclaredRoute>();
  for (const [mount, load] of Object.entries(table)) {
    for (const route of (await load()).routes) {
      if (route.method === 'ALL') continue;
      const tail = route.path === '/' ? '' : route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
      const path = `${mount}${tail}`;
      const method = route.method.toLowerCase();
      seen.set(`${method} ${path}`, { method, path });
    }
  }
  return [...seen.values()];
}
