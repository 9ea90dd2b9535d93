/** The RRF constant of Cormack et al. (2009): damps the head of each list so no single list dominates. */
export const rrfK = 60;

/**
 * RRF weights of the vector and the full-text list. In 0.1 two full-text lists (bigrams, words) and
 * the vector list voted equally; one full-text list over words and bigrams keeps that 2:1 balance.
 */
export const listWeights = [1, 2];

/**
 * Reciprocal-rank fusion of ranked lists: each chunk scores Σ weight / (k + rank) over the lists it is
 * in (rank 1-based), best first; ties keep first-seen order.
 * @example fuseRanks([[a, b], [b, c]]) // b first: it is in both lists
 */
export function fuseRanks<H extends { id: string; score: number }>(
  lists: H[][],
  weights: number[] = [],
  k = rrfK,
): H[] {
  const fused = new Map<string, H>();
  lists.forEach((list, l) => {
    const weight = weights[l] ?? 1;
    list.forEach((hit, rank) => {
      const add = weight / (k + rank + 1);
      const seen = fused.get(hit.id);
      if (seen) seen.score += add;
      else fused.set(hit.id, { ...hit, score: add });
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
