/**
 * How figures are marked for people: the word for each verdict (相符, 不符, 无法核对) and the marks a
 * draft leaves in its text for the writer (【待核实…】 for a figure with no value this year, 〖上年表述…〗
 * and 〖上年计划…〗 around last year's words to rewrite, 〖沿用上年·待更新…〗 around last year's sentences
 * no material of this year backs), found the same way by drafting, the checker, the Word export, the
 * terminal UI, the web page and the evals.
 */
export { carriedOverMark, carriedOverOpen, carriedOverSpans, countCarriedOver } from './carried-over.ts';
export type { MarkSpan } from './mark-spans.ts';
export { insideSpans, markSpans } from './mark-spans.ts';
export { countPending, pendingLabel, pendingMarker, pendingPrevious, pendingSpans } from './pending.ts';
export { rewriteSpans } from './rewrite-marks.ts';
export { verdictWord } from './verdict-words.ts';
export {
  countYearBound,
  markable,
  planOpen,
  unmarkYearBound,
  yearBoundClose,
  yearBoundMark,
  yearBoundOpen,
  yearBoundSpans,
} from './year-bound.ts';
