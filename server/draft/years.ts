/**
 * Moving year references forward when last year's text becomes this year's: 2016年 → 2017年 where it
 * is the report year (and 2015年 → 2016年 for the year before), never inside spans such as
 * 2011-2015年 or 2016-2020年, nor inside quoted names.
 */
import { quotedNames } from '../figures/index.ts';
import type { Span } from '../text/index.ts';

const chineseDigits = '〇一二三四五六七八九';
const rangeMarks = /[-–—~～至到]/;

function chineseYear(year: number): string {
  return [...String(year)].map((d) => chineseDigits[Number(d)]).join('');
}

/** True when [start, end) is the start or the end of a span of years (2011-2015年). */
function inRange(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (rangeMarks.test(before) && /[0-9〇零一二三四五六七八九]/.test(text[start - 2] ?? '')) return true;
  return rangeMarks.test(after) && /[0-9〇零一二三四五六七八九]/.test(text[end + 1] ?? '');
}

/** Moves the written years of `moved` (year → year + shift) outside spans of years, quoted names and `keep`. */
function shiftYears(text: string, moved: readonly number[], shift: number, keep: readonly Span[]): string {
  if (shift === 0) return text;
  const targets = new Map<string, string>();
  for (const year of moved) {
    targets.set(String(year), String(year + shift));
    targets.set(chineseYear(year), chineseYear(year + shift));
  }
  const quotes = quotedNames(text);
  const pattern =
    /(?<![0-9０-９.〇零一二三四五六七八九十百千])((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})(?=年)/g;
  return text.replace(pattern, (whole: string, _year: string, at: number) => {
    const next = targets.get(whole.replace(/零/g, '〇'));
    if (!next || inRange(text, at, at + whole.length)) return whole;
    if ([...quotes, ...keep].some((q) => q.start <= at && at < q.end)) return whole;
    return next;
  });
}

/**
 * Moves each written year of `fromYear` and the year before it forward by `toYear - fromYear`, in
 * Arabic (2016年) and Chinese digits (二〇一六年), outside spans of years, quoted names and the
 * `keep` spans (sentences bound to last year). The text keeps its length.
 * @example moveYears('2016年通过验收,2011-2015年先进单位', 2016, 2017) // '2017年通过验收,2011-2015年先进单位'
 */
export function moveYears(
  text: string,
  fromYear: number,
  toYear: number,
  keep: readonly Span[] = [],
): string {
  return shiftYears(text, [fromYear, fromYear - 1], toYear - fromYear, keep);
}

/**
 * Moves a title's years: the report year and, for a two-year title (××街道2023年工作总结和2024年工作思路),
 * the plan year after it — both move, so the new title reviews the new year and plans the next.
 * @example moveTitleYears('某街道2023年工作总结和2024年工作思路', 2023, 2024) // '某街道2024年工作总结和2025年工作思路'
 */
export function moveTitleYears(title: string, fromYear: number, toYear: number): string {
  return shiftYears(title, [fromYear, fromYear + 1], toYear - fromYear, []);
}
