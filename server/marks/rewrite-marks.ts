/**
 * Every mark around whole sentences the writer must rewrite or delete before the draft is this
 * year's — 〖上年表述…〗, 〖上年计划…〗 (year-bound.ts) and 〖沿用上年·待更新…〗 (carried-over.ts) — as one
 * list, for what shows them all alike: the Word export's highlight, the terminal UI, a model's
 * rewrite that must keep them.
 */
import { carriedOverSpans } from './carried-over.ts';
import type { MarkSpan } from './mark-spans.ts';
import { yearBoundSpans } from './year-bound.ts';

/** Spans of every sentence mark for the writer in a text, in text order. */
export function rewriteSpans(text: string): MarkSpan[] {
  return [...yearBoundSpans(text), ...carriedOverSpans(text)].sort((a, b) => a.start - b.start);
}
