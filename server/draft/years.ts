/**
 * Moving year references forward when last year's text becomes this year's: 2016年 → 2017年 where it
 * is the report year (and 2015年 → 2016年 for the year before), never inside spans such as
 * 2011-2015年 or 2016-2020年, nor inside quoted names.
 */
import { quotedNames } from '../figures/nonfigure.ts';

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

/**
 * Moves each written year of `fromYear` and the year before it forward by `toYear - fromYear`, in
 * Arabic (2016年) and Chinese digits (二〇一六年), outside spans of years and quoted names.
 * @example moveYears('2016年通过验收,2011-2015年先进单位', 2016, 2017) // '2017年通过验收,2011-2015年先进单位'
 */
export function moveYears(text: string, fromYear: number, toYear: number): string {
  const shift = toYear - fromYear;
  if (shift === 0) return text;
  const moved = new Map<string, string>();
  for (const year of [fromYear, fromYear - 1]) {
    moved.set(String(year), String(year + shift));
    moved.set(chineseYear(year), chineseYear(year + shift));
  }
  const quotes = quotedNames(text);
  const pattern =
    /(?<![0-9０-９.〇零一二三四五六七八九十百千])((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})(?=年)/g;
  return text.replace(pattern, (whole: string, _year: string, at: number) => {
    const next = moved.get(whole.replace(/零/g, '〇'));
    if (!next || inRange(text, at, at + whole.length)) return whole;
    if (quotes.some((q) => q.start < at && at < q.end)) return whole;
    return next;
  });
}
