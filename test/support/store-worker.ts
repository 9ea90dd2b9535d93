/**
 * A child process that ingests synthetic reports into a store, for the concurrency and crash tests:
 *   node --import tsx test/support/store-worker.ts <dataDir> <first> <last> [paragraphs] [killAt]
 * ingests reports first..last (see `syntheticReport`) one by one and prints `committed <n> <status>`
 * after each. With `killAt`, the process SIGKILLs itself when the embedder is called for the killAt-th
 * time: the worker embeds and writes chunks in batches of 256, so a report of more than 256 chunks dies
 * with some of its chunks written and no reports row — exactly a crash mid-ingest.
 */
import { createLexicalEmbedder, openStore } from '../../server/store/index.ts';
import { syntheticReport } from './synthetic-reports.ts';

const [dataDir, first, last, paragraphs, killAt] = process.argv.slice(2);
const lexical = createLexicalEmbedder();
let calls = 0;
const store = await openStore({
  dataDir,
  embedder: {
    id: lexical.id,
    dimensions: lexical.dimensions,
    embed: (texts) => {
      if (++calls === Number(killAt)) process.kill(process.pid, 'SIGKILL');
      return lexical.embed(texts);
    },
  },
  // A live writer must never look dead: on a busy machine the lock's refresh can be late by seconds.
  // Only the test process takes over a killed worker's lock, with its own short stale time.
  lock: { staleMs: 30_000, waitMs: 120_000 },
  // Write each embedding batch as it comes, so a kill mid-report leaves orphan chunks to clean up.
  writeBatchRows: 256,
});
for (let n = Number(first); n <= Number(last); n++) {
  const outcome = await store.ingestReport(syntheticReport(n, Number(paragraphs ?? 6)));
  console.log(`committed ${n} ${outcome.status}`);
}
await store.close();
