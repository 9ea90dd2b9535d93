/**
 * Heading markers of Chinese official documents, ranked from the outermost level inwards:
 * 第一部分 > 一、 > (一) > 1. > (1). Which family marks the parts is decided per report.
 */
export type MarkerFamily = 'section' | 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren';

/** The families from the outermost level to the innermost. */
export const familyRank: readonly MarkerFamily[] = ['section', 'cn', 'cn-paren', 'arabic', 'arabic-paren'];

/** A line that opens with a heading marker. */
export interface MarkerMatch {
  family: MarkerFamily;
  /** The number the marker stands for (二 → 2). */
  number: number;
  /** The marker as written, e.g. (一), 一、, 1., 第一部分. */
  marker: string;
  /** Offset of the text after the marker (and the spaces after it) within the line. */
  bodyOffset: number;
}

const cnDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Reads a small Chinese or Arabic ordinal (一 … 九十九, 1 … 99); NaN when it is not one.
 * @example ordinalValue('十二') // 12
 */
export function ordinalValue(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  const m = /^([二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(written);
  if (!m || written === '') return Number.NaN;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && ones ? Number.NaN : (cnDigits[tens ?? ones ?? ''] ?? Number.NaN);
  return (tens ? cnDigits[tens] : 1) * 10 + (ones ? cnDigits[ones] : 0);
}

const cnNum = '[一二三四五六七八九十]{1,3}';
const patterns: { family: MarkerFamily; regex: RegExp }[] = [
  { family: 'section', regex: new RegExp(`^(第(${cnNum}|\\d{1,2})(?:部分|章|篇))[\\s、,\uFF0C:\uFF1A.．]*`) },
  { family: 'cn', regex: new RegExp(`^((${cnNum})\\s*[、.．])\\s*`) },
  { family: 'cn-paren', regex: new RegExp(`^([(\uFF08]\\s*(${cnNum})\\s*[)\uFF09][、.．]?)\\s*`) },
  { family: 'arabic', regex: /^((\d{1,2})\s*(?:[、.．](?!\d)|[)\uFF09]))\s*/ },
  { family: 'arabic-paren', regex: /^([(\uFF08]\s*(\d{1,2})\s*[)\uFF09])\s*/ },
];

/**
 * Recognises a heading marker at the start of a line.
 * @example matchMarker('(一)注重保障民生') // { family: 'cn-paren', number: 1, marker: '(一)', bodyOffset: 3 }
 */
export function matchMarker(line: string): MarkerMatch | null {
  for (const { family, regex } of patterns) {
    const m = regex.exec(line);
    if (!m) continue;
    const number = ordinalValue(m[2]);
    if (!Number.isFinite(number) || number < 1) continue;
    return { family, number, marker: m[1], bodyOffset: m[0].length };
  }
  return null;
}

/** Longest heading text (without marker) that still reads as a heading rather than a paragraph. */
export const maxHeadingLength = 40;

const closingHeading =
  /^(存在的?(主要)?(问题|不足|短板)|(主要)?(问题|不足)(和|与|及)(差距|不足|建议|打算|对策)|差距(和|与)不足|不足(之处)?|下一步|今后|(\d{4}|[一二三四五六七八九〇零]{4}|明|新的一)年(度)?(的)?(工作)?(打算|思路|计划|安排|重点|目标|设想|要点|展望)|工作(打算|思路|计划|展望|设想)|(几点)?(体会|启示|建议)$)/;

/**
 * True when a heading's text opens the closing section (存在的问题, 下一步工作, 2017年工作打算).
 * @example isClosingHeading('2017年工作打算') // true
 */
export function isClosingHeading(title: string): boolean {
  return title.length <= 30 && closingHeading.test(title.trim());
}
