import { fuseRanks } from './rrf.ts';

/** A match of one search method: a row with an id, and that method's own score. */
export interface RankedMatch {
  chunk: { id: string };
  score: number;
}

/** Anything the hybrid search runs over: past reports' chunks, this year's materials. */
export interface HybridSource<F, M extends RankedMatch> {
  embedQuery(text: string): Promise<number[]>;
  vectorSearch(vector: number[], filter: F, limit: number): Promise<M[]>;
  textSearch(query: string, filter: F, limit: number, method: 'bigrams' | 'words'): Promise<M[]>;
}

/**
 * The three ranked lists of a query — vector (cosine), BM25 over character bigrams, BM25 over jieba
 * words — each `depth` deep with the filter applied inside, fused by reciprocal rank, best first.
 * Bigrams catch names and figures jieba cuts oddly, whole words outrank accidental bigram overlaps,
 * vectors add some tolerance for paraphrase; `npm run eval retrieval` shows each list alone.
 */
export async function hybridMatches<F, M extends RankedMatch>(
  source: HybridSource<F, M>,
  terms: string,
  filter: F,
  depth: number,
): Promise<M[]> {
  const vector = await source.embedQuery(terms);
  const lists = await Promise.all([
    source.vectorSearch(vector, filter, depth),
    source.textSearch(terms, filter, depth, 'bigrams'),
    source.textSearch(terms, filter, depth, 'words'),
  ]);
  return fuseRanks(lists);
}
