/**
 * The numeric guard: a model may choose words, never figures. The figures of its answer (read by the
 * claim extractor) must be exactly the figures it was given — same values, units and qualifiers,
 * nothing added, nothing dropped — every 【待核实…】 marker and 〖上年表述…〗 mark must survive verbatim,
 * and it may write no year it was not given.
 */

import type { Claim } from '../figures/index.ts';
import { extractClaims } from '../figures/index.ts';
import { pendingSpans, rewriteSpans } from '../marks/index.ts';
import type { FigureJudge } from '../stream/index.ts';

/** What an answer did wrong with the figures; empty lists when it kept them. */
export interface GuardViolation {
  /** Figures in the answer that were not given (or given fewer times). */
  added: string[];
  /** Given figures the answer dropped or changed. */
  missing: string[];
  /** 【待核实…】 markers, 〖上年表述…〗 and 〖沿用上年·待更新…〗 marks the answer lost, altered or added. */
  markers: string[];
  /** Years the answer wrote that were not given. */
  years: string[];
}

/** A figure's identity for the guard: value, unit, kind and qualifier (约, 余 … change its meaning). */
function keyOf(claim: Pick<Claim, 'value' | 'unit' | 'kind' | 'qualifier'>): string {
  return [claim.kind, claim.unit, Number.parseFloat(claim.value.toPrecision(12)), claim.qualifier].join('|');
}

function yearsIn(text: string): string[] {
  return text.match(/(?<![0-9])(?:19|20)[0-9]{2}(?=年)/g) ?? [];
}

/** Claims of `text` outside its 【待核实…】 markers (a marker is compared whole). */
function figuresOf(text: string): Claim[] {
  const markers = pendingSpans(text);
  return extractClaims(text).filter((c) => !markers.some((m) => c.start >= m.start && c.end <= m.end));
}

/** The marks a model must keep verbatim: figure markers and the sentence marks for the writer. */
function marksOf(text: string): string[] {
  return [...pendingSpans(text), ...rewriteSpans(text)].map((m) => m.text);
}

/**
 * Compares an answer's figures with the given ones. `given` is the text (or list of figures) the
 * model was given; `allowedYears` are years it may write besides those in `given`.
 * @example guardFigures('共计139.76万元。', '共计140万元。').missing // ['139.76万元']
 */
export function guardFigures(
  given: string,
  answer: string,
  allowedYears: readonly number[] = [],
): GuardViolation {
  const expected = new Map<string, string[]>();
  for (const c of figuresOf(given)) expected.set(keyOf(c), [...(expected.get(keyOf(c)) ?? []), c.text]);
  const added: string[] = [];
  for (const c of figuresOf(answer)) {
    const left = expected.get(keyOf(c));
    if (left?.length) left.shift();
    else added.push(c.text);
  }
  const missing = [...expected.values()].flat();
  const answerMarkers = marksOf(answer);
  const markers: string[] = [];
  for (const m of marksOf(given)) {
    const at = answerMarkers.indexOf(m);
    if (at >= 0) answerMarkers.splice(at, 1);
    else markers.push(m);
  }
  // An altered mark is one lost; only marks beyond those count as added.
  markers.push(...answerMarkers.slice(markers.length));
  const years = new Set([...yearsIn(given), ...allowedYears.map(String)]);
  return { added, missing, markers, years: [...new Set(yearsIn(answer).filter((y) => !years.has(y)))] };
}

/**
 * The guard as a judge of a streamed answer's figures (see stream/hold.ts): a figure is shown while
 * the given text holds more of it than the answer has written so far; a figure inside a 【待核实…】
 * marker once the marker is complete and is one of the given ones. Every other figure is hidden —
 * the whole answer would fail the guard on it.
 */
export function guardJudge(given: string): FigureJudge {
  const expected = new Map<string, number>();
  for (const c of figuresOf(given)) expected.set(keyOf(c), (expected.get(keyOf(c)) ?? 0) + 1);
  const markers = pendingSpans(given).map((m) => m.text);
  return (text, figure, done) => {
    const open = text.lastIndexOf('【', figure.start);
    if (open > text.lastIndexOf('】', figure.start)) {
      const close = text.indexOf('】', figure.end);
      if (close < 0) return done ? 'hide' : 'wait';
      return markers.includes(text.slice(open, close + 1)) ? 'show' : 'hide';
    }
    const key = keyOf(figure);
    const before = figuresOf(text).filter((c) => c.start < figure.start && keyOf(c) === key).length;
    return before < (expected.get(key) ?? 0) ? 'show' : 'hide';
  };
}

/** True when the answer kept every figure exactly. */
export function guardPassed(v: GuardViolation): boolean {
  return v.added.length + v.missing.length + v.markers.length + v.years.length === 0;
}

/**
 * The violation as writers are told it: how many figures, never which — a figure the guard rejected
 * is not shown anywhere (the model is told them, see describeViolation).
 */
export function violationCounts(v: GuardViolation): string {
  const parts: string[] = [];
  if (v.added.length) parts.push(`多出${v.added.length}个未提供的数字`);
  if (v.missing.length) parts.push(`缺少或改动了${v.missing.length}个数字`);
  if (v.markers.length) parts.push(`删去、改动或添加了${v.markers.length}处标记`);
  if (v.years.length) parts.push(`写入了${v.years.length}个未提供的年份`);
  return parts.join('\uFF1B');
}

/** The violation explained to the model, in Chinese. */
export function describeViolation(v: GuardViolation): string {
  const parts: string[] = [];
  if (v.added.length) parts.push(`多出了未提供的数字:${v.added.join('、')}`);
  if (v.missing.length) parts.push(`缺少或改动了数字:${v.missing.join('、')}`);
  if (v.markers.length) parts.push(`删去、改动或添加了标记:${v.markers.join('、')}`);
  if (v.years.length) parts.push(`写入了未提供的年份:${v.years.map((y) => `${y}年`).join('、')}`);
  return parts.join(';');
}
