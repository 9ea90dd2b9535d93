/**
 * The visible mark around text carried from last year that speaks of last year and so cannot simply
 * be moved to the new year: a sentence about its role (开局之年), a dated event, an edition (第三届), an
 * award — 〖上年表述：2016年是“十三五”开局之年〗 — or a whole item of last year's plan for the year being
 * drafted, 〖上年计划：1.全力稳增长促发展。…〗. The writer rewrites or deletes it. White lenticular
 * brackets keep it apart from the figure marker 【待核实:上年为…】, which may sit inside it.
 */

import { type MarkSpan, markSpans } from './mark-spans.ts';

// Written as escapes: editors fold full-width punctuation to ASCII.
/** What opens the mark: 〖上年表述：. */
export const yearBoundOpen = '\u3016上年表述\uFF1A';
/** What closes the mark: 〗. */
export const yearBoundClose = '\u3017';
/** What opens the mark around an item of last year's plan: 〖上年计划：. */
export const planOpen = '\u3016上年计划\uFF1A';
const markPattern = /\u3016上年(?:表述|计划)[:\uFF1A][^\u3016\u3017]*\u3017/g;
const openPattern = /^\u3016上年(?:表述|计划)[:\uFF1A]/;

/**
 * The mark around a sentence (its body, without the closing 。).
 * @example yearBoundMark('2016年是“十三五”开局之年') // '〖上年表述：2016年是“十三五”开局之年〗'
 */
export function yearBoundMark(sentence: string): string {
  return `${yearBoundOpen}${sentence}${yearBoundClose}`;
}

/** Spans of every 〖上年表述…〗 and 〖上年计划…〗 mark in a text, in order (either colon). */
export function yearBoundSpans(text: string): MarkSpan[] {
  return markSpans(text, markPattern);
}

/** How many 〖上年表述…〗 and 〖上年计划…〗 marks a text holds. */
export function countYearBound(text: string): number {
  return text.match(markPattern)?.length ?? 0;
}

/** The text with every mark's brackets and label removed, its sentence kept (for scoring words). */
export function unmarkYearBound(text: string): string {
  return text.replace(markPattern, (mark) => mark.replace(openPattern, '').slice(0, -yearBoundClose.length));
}

/** True when a sentence can be wrapped: a mark bracket inside it would make the mark unreadable. */
export function markable(sentence: string): boolean {
  return !sentence.includes(yearBoundOpen.slice(0, 1)) && !sentence.includes(yearBoundClose);
}
