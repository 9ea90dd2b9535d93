/** Finding the marks a draft leaves for the writer (【待核实…】, 〖上年表述…〗) in a text. */

/** A mark found in a text: its span and its text. */
export interface MarkSpan {
  start: number;
  end: number;
  text: string;
}

/** Spans of every match of a global `pattern` in a text, in order. */
export function markSpans(text: string, pattern: RegExp): MarkSpan[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** True when `[start, end)` lies inside one of `spans`. */
export function insideSpans(spans: readonly MarkSpan[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}
