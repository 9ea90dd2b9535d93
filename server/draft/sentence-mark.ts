/**
 * The visible marks around whole sentences of a draft that the writer must look at before the draft
 * is this year's, one syntax for all: 〖label：sentence〗. White lenticular brackets keep them apart
 * from the figure marker 【待核实:上年为…】, which may sit inside. Defined here once:
 * - 〖沿用上年·待更新：…〗 — last year's sentence that no material of this year supports: kept so the
 *   writer sees what last year said, to be updated or deleted.
 */

/** The labels of the marks, by kind. */
export const markLabels = { carriedOver: '沿用上年·待更新' } as const;

export type MarkKind = keyof typeof markLabels;

// Written as escapes: editors fold full-width punctuation to ASCII.
const open = '\u3016';
const close = '\u3017';
const colon = '\uFF1A';
const anyMark = /\u3016([^\u3016\u3017:\uFF1A]{1,20})[:\uFF1A][^\u3016\u3017]*\u3017/g;

/**
 * The mark of a kind around a sentence's body (its closing 。 stays outside).
 * @example sentenceMark('carriedOver', '完成甘泉快捷照护站建设项目') // '〖沿用上年·待更新：完成甘泉快捷照护站建设项目〗'
 */
export function sentenceMark(kind: MarkKind, body: string): string {
  return `${open}${markLabels[kind]}${colon}${body}${close}`;
}

/** A mark found in a text. */
export interface MarkSpan {
  start: number;
  end: number;
  text: string;
  /** The mark's label as written (沿用上年·待更新). */
  label: string;
}

/** Spans of every 〖label：…〗 mark in a text (either colon), in order; only those of `kind` when given. */
export function markSpans(text: string, kind?: MarkKind): MarkSpan[] {
  return [...text.matchAll(anyMark)]
    .filter((m) => kind === undefined || m[1] === markLabels[kind])
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], label: m[1] }));
}

/** How many marks (of `kind`, or of any kind) a text holds. */
export function countMarks(text: string, kind?: MarkKind): number {
  return markSpans(text, kind).length;
}
