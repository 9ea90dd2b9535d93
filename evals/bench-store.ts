/**
 * Store benchmark: ingest throughput and search latency of the LanceDB store at 10k and 100k synthetic
 * chunks, side by side with LangChain's in-memory vector store (MemoryVectorStore, which LangChain 1.x
 * keeps in @langchain/classic) fed the same chunks with the same lexical embedder, asked the same queries.
 *   npm run bench store [sizes…]      e.g. npm run bench store 10000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import type { Report } from '../server/report/index.ts';
import { search } from '../server/retrieve/index.ts';
import type { Embedder } from '../server/store/index.ts';
import { chunkReport, createLexicalEmbedder, openStore } from '../server/store/index.ts';
import { syntheticReport } from '../test/support/synthetic-reports.ts';
import { latencies, percentile } from './latency.ts';
import { retrievalQuestions } from './retrieval-questions.ts';

const defaultSizes = [10_000, 100_000];
/** Paragraphs per part of a synthetic report: six parts, so ~124 chunks a report. */
const paragraphsPerPart = 20;
const rounds = 3;
const k = 5;

/** The lexical embedder behind LangChain's Embeddings interface, so both stores embed identically. */
class LexicalEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }
  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedder.embed(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedder.embed([text]))[0];
  }
}

function corpus(size: number): { reports: Report[]; chunks: number; paragraphs: number } {
  const reports: Report[] = [];
  let chunks = 0;
  let paragraphs = 0;
  for (let n = 1; chunks < size; n++) {
    const report = syntheticReport(n, paragraphsPerPart);
    reports.push(report);
    chunks += chunkReport(report).length;
    paragraphs += report.preamble.length + report.closing.length + 1;
    for (const part of report.parts) paragraphs += part.paragraphs.length;
  }
  return { reports, chunks, paragraphs };
}

interface Row {
  name: string;
  ingestSeconds: number | null;
  lat: number[];
}

async function benchSize(size: number, queries: string[]): Promise<void> {
  const { reports, chunks, paragraphs } = corpus(size);
  const embedder = createLexicalEmbedder();
  const rows: Row[] = [];
  console.log(`\n### ${chunks} chunks (${paragraphs} paragraphs, ${reports.length} reports)`);

  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-bench-store-'));
  const store = await openStore({ dataDir, embedder });
  try {
    let started = performance.now();
    await store.ingestReports(reports);
    const bulkSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await store.ingestReport(syntheticReport(reports.length + 1, paragraphsPerPart));
    const oneMoreSeconds = (performance.now() - started) / 1000;
    rows.push({
      name: 'LanceDB hybrid (vector + BM25 words+bigrams, RRF)',
      ingestSeconds: bulkSeconds,
      lat: await latencies(queries, (q) => search(store, q, { k }), rounds),
    });
    rows.push({
      name: 'LanceDB vector only',
      ingestSeconds: null,
      lat: await latencies(
        queries,
        async (q) => store.vectorSearch(await store.embedQuery(q), {}, k),
        rounds,
      ),
    });
    console.log(
      `incremental ingest of one more report (${chunkReport(syntheticReport(reports.length + 1, paragraphsPerPart)).length} chunks, index rebuild included): ${oneMoreSeconds.toFixed(2)} s`,
    );
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const memory = new MemoryVectorStore(new LexicalEmbeddings(embedder));
  const started = performance.now();
  const batch = 1000;
  const docs = reports.flatMap((report) =>
    chunkReport(report).map(
      (chunk) => new Document({ pageContent: chunk.text, metadata: { id: chunk.id, year: chunk.year } }),
    ),
  );
  for (let i = 0; i < docs.length; i += batch) await memory.addDocuments(docs.slice(i, i + batch));
  rows.push({
    name: 'LangChain MemoryVectorStore (vector)',
    ingestSeconds: (performance.now() - started) / 1000,
    lat: await latencies(queries, (q) => memory.similaritySearch(q, k), rounds),
  });

  console.log('| store | ingest paragraphs/s | ingest chunks/s | search p50 ms | search p95 ms |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    const rate = (n: number) =>
      row.ingestSeconds === null ? '—' : Math.round(n / row.ingestSeconds).toLocaleString('en');
    console.log(
      `| ${row.name} | ${rate(paragraphs)} | ${rate(chunks)} | ${percentile(row.lat, 50).toFixed(1)} | ${percentile(row.lat, 95).toFixed(1)} |`,
    );
  }
  const [hybrid, vectorOnly, mem] = rows;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `ratios LanceDB / MemoryVectorStore: ingest time ${ratio(hybrid.ingestSeconds!, mem.ingestSeconds!)}×, ` +
      `hybrid p50 ${ratio(percentile(hybrid.lat, 50), percentile(mem.lat, 50))}×, ` +
      `vector-only p50 ${ratio(percentile(vectorOnly.lat, 50), percentile(mem.lat, 50))}×, ` +
      `vector-only p95 ${ratio(percentile(vectorOnly.lat, 95), percentile(mem.lat, 95))}×`,
  );
}

/** Runs the benchmark at each size given (default 10k and 100k chunks). */
export async function run(args: string[]): Promise<void> {
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const queries = retrievalQuestions().map((q) => q.question);
  console.log(
    `${queries.length} queries × ${rounds} rounds, k=${k}, embedder ${createLexicalEmbedder().id}, one process, 2 cores`,
  );
  for (const size of sizes.length > 0 ? sizes : defaultSizes) await benchSize(size, queries);
}
