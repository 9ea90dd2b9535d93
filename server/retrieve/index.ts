/** Hybrid retrieval over the store: `search(store, query, options)`. */
export { type HybridSource, hybridMatches, type RankedMatch } from './hybrid.ts';
export { searchTerms } from './query.ts';
export { fuseRanks } from './rrf.ts';
export { type Citation, type SearchHit, type SearchOptions, search } from './search.ts';
