/**
 * Which ledger record a figure states and how certain (ledger index, facets, plausibility), whether the
 * figure holds, and the change arithmetic on records.
 */

export { aspectOf } from './aspect.ts';
export type { Bounds, ChangeKind, Expected, Operand } from './change.ts';
export {
  changeKindOf,
  changeOf,
  difference,
  exact,
  fromClaim,
  fromRecord,
  periods,
  perPeriod,
  ratio,
  sum,
} from './change.ts';
export { contentWords, unnamedWords } from './coverage.ts';
export type { Certainty, DecideOptions, FigureQuery, MatchDecision } from './decision.ts';
export { decideRecord } from './decision.ts';
export type { Facets } from './facets.ts';
export { facetConflict, facetsOf } from './facets.ts';
export type { LedgerIndex, MatchQuery, MatchResult, ScoredMetric } from './match.ts';
export { ambiguityMargin, indexLedger, matchMetric } from './match.ts';
export { implausibleFigure, implausibleIn, ledgerWarnings } from './plausibility.ts';
export type { BaseWanted } from './series.ts';
export { baseWords, levelRecord, sameSeries } from './series.ts';
export type { Finding } from './verdict.ts';
export {
  describeBounds,
  holds,
  judgeAgainstRecord,
  judgeDerived,
  overlaps,
  sourceOf,
  unverified,
} from './verdict.ts';
