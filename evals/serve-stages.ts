/**
 * What one search costs, stage by stage, with nothing else running in this process: wall and CPU
 * time (every thread of the process, LanceDB's included) per call on the bench's store. CPU per call
 * hardly moves with the machine's load, so it is the figure to compare across runs on a shared machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createEngine } from '../server/engine.ts';
import { search } from '../server/retrieve/index.ts';
import type { ChunkHit } from '../server/store/index.ts';
import { queries } from './serve-load.ts';

/** One stage's cost per call, in ms. */
export interface StageCost {
  stage: string;
  wallMs: number;
  cpuMs: number;
}

async function cost(
  stage: string,
  rounds: number,
  call: (q: string) => Promise<unknown>,
): Promise<StageCost> {
  for (const q of queries) await call(q);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await call(queries[i % queries.length]);
  const used = process.cpuUsage(cpu);
  return {
    stage,
    wallMs: (performance.now() - started) / rounds,
    cpuMs: (used.user + used.system) / 1000 / rounds,
  };
}

/** The cost of each stage of POST /api/search over the bundled corpus, one call at a time. */
export async function searchStages(rounds = 100): Promise<StageCost[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-stages-'));
  const config = loadConfig({ dataDir });
  const engine = createEngine(config);
  try {
    const app = createApp(config, engine);
    const seeded = await app.request('/api/corpus/bundled', {
      method: 'POST',
      headers: { host: 'localhost', origin: 'http://localhost' },
    });
    if (!seeded.ok) throw new Error(`seeding failed: HTTP ${seeded.status}`);
    const store = await engine.store();
    const vector = await store.embedQuery(queries[0]);
    const hits: ChunkHit[] = (await store.textSearch(queries[0], {}, 20)).slice(0, 5);
    const post = async (q: string) =>
      (
        await app.request('/api/search', {
          method: 'POST',
          headers: { host: 'localhost', 'content-type': 'application/json' },
          body: JSON.stringify({ query: q, k: 5 }),
        })
      ).arrayBuffer();
    return [
      await cost('embed the query (cached)', rounds, (q) => store.embedQuery(q)),
      await cost('vector search (ids)', rounds, () => store.vectorSearch(vector, {}, 20)),
      await cost('full-text search (ids)', rounds, (q) => store.textSearch(q, {}, 20)),
      await cost('read the 5 chunks kept', rounds, () => store.chunks(hits)),
      await cost('search() in all', rounds, (q) => search(store, q, { k: 5 })),
      await cost('POST /api/search in-process', rounds, post),
    ];
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
