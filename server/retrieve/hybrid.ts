import { fuseRanks, listWeights } from './rrf.ts';

/** A match of one search method: a row with an id, and that method's own score. */
export interface RankedMatch {
  chunk: { id: string };
  score: number;
}

/** Anything else the hybrid search runs over (this year's materials), with whole rows in its hits. */
export interface HybridSource<F, M extends RankedMatch> {
  embedQuery(text: string): Promise<number[]>;
  vectorSearch(vector: number[], filter: F, limit: number): Promise<M[]>;
  textSearch(query: string, filter: F, limit: number): Promise<M[]>;
}

/**
 * The two ranked lists of a query, as `search` runs them over past reports — vector (cosine) and BM25
 * over jieba words and character bigrams — each `depth` deep with the filter applied inside, fused by
 * reciprocal rank with the same weights, best first.
 */
export async function hybridMatches<F, M extends RankedMatch>(
  source: HybridSource<F, M>,
  terms: string,
  filter: F,
  depth: number,
): Promise<M[]> {
  const lists = await Promise.all([
    source.embedQuery(terms).then((vector) => source.vectorSearch(vector, filter, depth)),
    source.textSearch(terms, filter, depth),
  ]);
  const ranked = lists.map((list) =>
    list.map((match) => ({ id: match.chunk.id, score: match.score, match })),
  );
  return fuseRanks(ranked, listWeights).map(({ match, score }) => ({ ...match, score }));
}
