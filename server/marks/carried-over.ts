/**
 * The visible mark around a sentence of last year's report that no material of this year backs,
 * 〖沿用上年·待更新：完成甘泉快捷照护站建设项目〗: kept so the writer sees what last year said, to update
 * or delete. Same white lenticular brackets as 〖上年表述…〗 (year-bound.ts); the figure marker
 * 【待核实:上年为…】 may sit inside it.
 */
import { type MarkSpan, markSpans } from './mark-spans.ts';

// Written as escapes: editors fold full-width punctuation to ASCII.
/** What opens the mark: 〖沿用上年·待更新：. */
export const carriedOverOpen = '\u3016\u6CBF\u7528\u4E0A\u5E74\u00B7\u5F85\u66F4\u65B0\uFF1A';
const markPattern = /\u3016\u6CBF\u7528\u4E0A\u5E74\u00B7\u5F85\u66F4\u65B0[:\uFF1A][^\u3016\u3017]*\u3017/g;

/**
 * The mark around a sentence's body (its closing 。 stays outside).
 * @example carriedOverMark('完成甘泉快捷照护站建设项目') // '〖沿用上年·待更新：完成甘泉快捷照护站建设项目〗'
 */
export function carriedOverMark(body: string): string {
  return `${carriedOverOpen}${body}\u3017`;
}

/** Spans of every 〖沿用上年·待更新…〗 mark in a text, in order (either colon). */
export function carriedOverSpans(text: string): MarkSpan[] {
  return markSpans(text, markPattern);
}

/** How many 〖沿用上年·待更新…〗 marks a text holds. */
export function countCarriedOver(text: string): number {
  return text.match(markPattern)?.length ?? 0;
}
