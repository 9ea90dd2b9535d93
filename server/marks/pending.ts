/**
 * The 【待核实】 marker: the visible stand-in a draft leaves for a figure with no value this year,
 * 【待核实:上年为4280平方米】. A to-do for the writer — not a verdict (a verdict is 相符, 不符 or 无法核对).
 */
import { type MarkSpan, markSpans } from './mark-spans.ts';

const markerPattern = /【待核实[^】]*】/g;

/** The marker's name as people read it, in lists and counts: 【待核实】. */
export const pendingLabel = '【待核实】';

/**
 * The marker that stands in for a figure the ledger has no value for this year.
 * @example pendingMarker('4280平方米') // '【待核实:上年为4280平方米】'
 */
export function pendingMarker(previous: string): string {
  return `【待核实:上年为${previous}】`;
}

/** Spans of every 【待核实…】 marker in a text (either colon, any content), in order. */
export function pendingSpans(text: string): MarkSpan[] {
  return markSpans(text, markerPattern);
}

/** How many 【待核实…】 markers a text holds. */
export function countPending(text: string): number {
  return text.match(markerPattern)?.length ?? 0;
}

/** Last year's figure inside a marker (【待核实:上年为4280平方米】 → 4280平方米), or null. */
export function pendingPrevious(marker: string): string | null {
  return /^【待核实[:\uFF1A]上年为(.*)】$/.exec(marker)?.[1] ?? null;
}
