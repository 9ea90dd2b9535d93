import { hybridMatches, searchTerms } from '../retrieve/index.ts';
import type { MaterialFilter, MaterialMatch, MaterialShelf } from '../store/index.ts';

/** Candidates each search method contributes, per hit wanted (as for past reports). */
const depthPerHit = 4;

/**
 * This year's material sentences of work done closest to a query, best first: the project's hybrid
 * retrieval (vector + BM25 over bigrams + BM25 over words, fused by rank) over the materials table.
 * @example await searchMaterials(store.materials, '注重保障民生 丰富为老服务内涵。', { year: 2017 }, 20)
 */
export async function searchMaterials(
  shelf: MaterialShelf,
  query: string,
  filter: Omit<MaterialFilter, 'kind'>,
  k: number,
): Promise<MaterialMatch[]> {
  const terms = searchTerms(query);
  if (!terms) return [];
  const matches = await hybridMatches(shelf, terms, { ...filter, kind: 'content' }, k * depthPerHit);
  return matches.slice(0, k);
}
