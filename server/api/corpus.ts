import { Hono } from 'hono';
import { ingestBundledCorpus } from '../corpus.ts';
import type { Engine } from '../engine.ts';

/** POST /api/corpus/bundled — ingest the bundled demo corpus (idempotent). */
export function corpusRoutes(engine: Engine) {
  return new Hono()
    .post('/bundled', async (c) => c.json(await ingestBundledCorpus(await engine.store())))
    .post('/reindex', async (c) => c.json(await (await engine.store()).reindex()));
}
