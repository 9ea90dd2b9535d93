import { Hono } from 'hono';
import { z } from 'zod';
import { bundledFiles, ingestBundledCorpus, ingestBundledFile } from '../corpus.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { validate } from './validate.ts';

const fileParam = z.object({ fileName: z.string().min(1).max(255) });

/**
 * /api/corpus — the bundled demo corpus (list it, ingest it whole or one file at a time so a client
 * can show progress), the search indexes (their state; bring them up to date after deferred ingests)
 * and re-embedding.
 */
export function corpusRoutes(engine: Engine) {
  return new Hono()
    .get('/bundled', (c) => c.json({ files: bundledFiles() }))
    .post('/bundled', async (c) => c.json(await ingestBundledCorpus(await engine.store())))
    .post('/bundled/:fileName', validate('param', fileParam), async (c) => {
      const { fileName } = c.req.valid('param');
      const file = bundledFiles().find((f) => f.fileName === fileName);
      if (!file) {
        throw new GovdraftError('not_found', `内置语料中没有文件 ${fileName}`, `No bundled file ${fileName}`);
      }
      return c.json(await ingestBundledFile(await engine.store(), file));
    })
    .get('/indexes', async (c) => c.json(await (await engine.store()).indexStatus()))
    .post('/indexes', async (c) => c.json(await (await engine.store()).refreshIndexes()))
    .post('/reindex', async (c) => c.json(await (await engine.store()).reindex()));
}
