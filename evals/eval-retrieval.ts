/**
 * Retrieval eval: questions of our own over the bundled corpus (evals/data/retrieval.tsv), answered by
 * hybrid search with the offline lexical embedding. A question counts as found at rank r when the r-th
 * hit contains the gold substring. Target: recall@3 ≥ 0.9. The details also show each ranked list
 * alone and LanceDB's own RRFReranker, so the fusion choice stays measured.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, rerankers } from '@lancedb/lancedb';
import { corpusDir } from '../server/paths.ts';
import { parseReportFile } from '../server/report/index.ts';
import { fuseRanks, search, searchTerms } from '../server/retrieve/index.ts';
import type { ChunkHit, Store } from '../server/store/index.ts';
import { chunkReport, createLexicalEmbedder, openStore, termsOf } from '../server/store/index.ts';
import { type RetrievalQuestion, retrievalQuestions } from './retrieval-questions.ts';
import type { EvalResult } from './types.ts';

type Question = RetrievalQuestion;

const depth = 10;

/** Recall@1, recall@3 and MRR of 1-based ranks (0 = not found within the depth). */
function score(ranks: number[]): { recall1: number; recall3: number; mrr: number } {
  const n = ranks.length;
  return {
    recall1: ranks.filter((r) => r === 1).length / n,
    recall3: ranks.filter((r) => r >= 1 && r <= 3).length / n,
    mrr: ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / n,
  };
}

const rankOf = (texts: string[], gold: string): number => texts.findIndex((t) => t.includes(gold)) + 1;

const line = (name: string, ranks: number[]): string => {
  const s = score(ranks);
  return `${name.padEnd(30)} recall@1=${s.recall1.toFixed(3)} recall@3=${s.recall3.toFixed(3)} MRR=${s.mrr.toFixed(3)}`;
};

/** Each ranked list alone, the lists fused with equal weights, and LanceDB's native hybrid with its RRFReranker. */
async function ablations(store: Store, dataDir: string, questions: Question[]): Promise<string[]> {
  const db = await connect(join(dataDir, 'lancedb'));
  const table = await db.openTable('chunks');
  const reranker = await rerankers.RRFReranker.create();
  const texts = async (hits: ChunkHit[]) => (await store.chunks(hits.map((h) => h.id))).map((c) => c.text);
  const variants: Record<string, number[]> = {
    'vector only': [],
    'BM25 words+bigrams only': [],
    'RRF equal weights': [],
    'LanceDB RRFReranker (same)': [],
  };
  for (const q of questions) {
    const terms = searchTerms(q.question);
    const filter = q.year === undefined ? {} : { year: q.year };
    const vector = await store.embedQuery(terms);
    const byVector = await store.vectorSearch(vector, filter, depth);
    const byText = await store.textSearch(terms, filter, depth);
    variants['vector only'].push(rankOf(await texts(byVector), q.gold));
    variants['BM25 words+bigrams only'].push(rankOf(await texts(byText), q.gold));
    variants['RRF equal weights'].push(rankOf(await texts(fuseRanks([byVector, byText])), q.gold));
    const native = table
      .query()
      .nearestTo(vector)
      .distanceType('cosine')
      .fullTextSearch(termsOf(terms), { columns: 'terms' })
      .rerank(reranker)
      .select(['text'])
      .limit(depth);
    if (q.year !== undefined) native.where(`\`year\` = ${q.year}`);
    variants['LanceDB RRFReranker (same)'].push(
      rankOf(
        (await native.toArray()).map((row: { text: string }) => row.text),
        q.gold,
      ),
    );
  }
  db.close();
  return Object.entries(variants).map(([name, ranks]) => line(name, ranks));
}

/** Runs the eval: ingests the bundled corpus into a temporary store and asks every question. */
export async function run(): Promise<EvalResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-eval-retrieval-'));
  const store = await openStore({ dataDir, embedder: createLexicalEmbedder() });
  try {
    const reportsDir = join(corpusDir, 'reports');
    const corpusChunks: string[] = [];
    for (const name of readdirSync(reportsDir).filter((f) => /\.(txt|md|html|docx)$/.test(f))) {
      const report = await parseReportFile(readFileSync(join(reportsDir, name)), { fileName: name });
      await store.ingestReport(report);
      corpusChunks.push(...chunkReport(report).map((chunk) => chunk.text));
    }
    const questions = retrievalQuestions();
    const details: string[] = [];
    for (const q of questions) {
      const holders = corpusChunks.filter((t) => t.includes(q.gold)).length;
      if (holders !== 1) details.push(`gold not in exactly one chunk (${holders}): ${q.gold}`);
    }
    const ranks: number[] = [];
    for (const q of questions) {
      const hits = await search(store, q.question, {
        k: depth,
        ...(q.year === undefined ? {} : { year: q.year }),
      });
      const rank = rankOf(
        hits.map((h) => h.text),
        q.gold,
      );
      ranks.push(rank);
      if (rank !== 1) {
        details.push(
          `rank ${rank || `>${depth}`}: ${q.question} → top hit: ${hits[0]?.text.slice(0, 40) ?? '(none)'}…`,
        );
      }
    }
    const s = score(ranks);
    details.push(line('hybrid (the product)', ranks), ...(await ablations(store, dataDir, questions)));
    return {
      name: 'retrieval (bundled corpus, offline)',
      metrics: { questions: questions.length, 'recall@1': s.recall1, 'recall@3': s.recall3, MRR: s.mrr },
      pass: s.recall3 >= 0.9 && !details.some((d) => d.startsWith('gold not')),
      details,
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
