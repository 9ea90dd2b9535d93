/**
 * Reading the years of a question: 2016年, 二〇一六年, 去年 (relative to the corpus's latest year),
 * 近三年, 2015到2016年, and comparisons with the year before (同比, 比上年, 比去年).
 */
import { readNumeral } from '../figures/index.ts';
import type { Span } from '../text/index.ts';
import type { YearsFrom } from './types.ts';

/** The years a question names, and where it names them. */
export interface YearReading {
  /** Ascending, without duplicates. */
  years: number[];
  from: YearsFrom | null;
  /** How relative years were read, for the user; null when none were. */
  note: string | null;
  /** Spans naming years or a comparison with the year before (removed from the topic). */
  spans: Span[];
  /** 同比, 比上年, 比去年: the answer compares with the year before. */
  previousYear: boolean;
  /** A year is named as a comparison base: 比2015年, 与2015年相比, 较2015年. */
  versus: boolean;
}

/** Comparison with the year before; 比去年 here means the year before the asked year, not the corpus's. */
const previousYearPattern =
  /同比|上年同期|(?:比|较|与|和|跟|对比)(?:上一?年|去年|前一年|上年度)(?:同期)?(?:相比|比较|比)?/g;
const rangePattern =
  /(?<![0-9])((?:19|20)[0-9]{2})\s*年?\s*(?:到|至|-|—|–|~|～)\s*((?:19|20)[0-9]{2})(?![0-9])\s*(?:年度|年)?/g;
const sincePattern = /(?<![0-9])((?:19|20)[0-9]{2})\s*年(?:以来|至今)/g;
const recentPattern = /(?:近|最近|过去|这)\s*([0-9]{1,2}|[一二两三四五六七八九十])\s*年(?:来|以来|间)?/g;
const arabicPattern = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])\s*(?:年度|年)?/g;
const chinesePattern = /[〇零一二三四五六七八九]{4}\s*年(?:度)?/g;
const relativePattern = /今年|本年度|本年|当年|去年|上一年|上年|前年/g;

const relativeOffset: Record<string, number> = {
  今年: 0,
  本年度: 0,
  本年: 0,
  当年: 0,
  去年: -1,
  上一年: -1,
  上年: -1,
  前年: -2,
};

const overlaps = (spans: Span[], start: number, end: number): boolean =>
  spans.some((s) => start < s.end && end > s.start);

const range = (from: number, to: number): number[] => {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return Array.from({ length: Math.min(b - a, 50) + 1 }, (_, i) => a + i);
};

/**
 * Finds the years a question is about. Relative words (今年, 去年, 近三年) count from `latestYear`,
 * the latest year the corpus (reports and ledger) holds; without it they are ignored.
 * @example readYears('去年拆除了多少违法建筑?', 2017).years // [2016]
 * @example readYears('2017年比2016年少了多少?', 2017) // years [2016, 2017], versus true
 */
export function readYears(question: string, latestYear: number | null): YearReading {
  const spans: Span[] = [];
  const years = new Set<number>();
  let from: YearsFrom | null = null;
  const notes: string[] = [];
  let previousYear = false;
  let versus = false;
  const take = (m: RegExpExecArray): boolean => {
    const end = m.index + m[0].length;
    if (overlaps(spans, m.index, end)) return false;
    spans.push({ start: m.index, end });
    return true;
  };

  for (const m of question.matchAll(previousYearPattern)) {
    if (take(m)) previousYear = true;
  }
  for (const m of question.matchAll(rangePattern)) {
    if (!take(m)) continue;
    for (const y of range(Number(m[1]), Number(m[2]))) years.add(y);
    from = 'range';
  }
  for (const m of question.matchAll(sincePattern)) {
    if (latestYear === null || !take(m)) continue;
    for (const y of range(Number(m[1]), latestYear)) years.add(y);
    from = 'range';
  }
  for (const m of question.matchAll(recentPattern)) {
    const n = readNumeral(m[1], 0)?.value ?? 0;
    if (latestYear === null || n < 1 || n > 20 || !take(m)) continue;
    for (const y of range(latestYear - n + 1, latestYear)) years.add(y);
    from = 'range';
    notes.push(`“${m[0]}”按语料最新年度${latestYear}年推算为${latestYear - n + 1}—${latestYear}年`);
  }
  for (const m of question.matchAll(arabicPattern)) {
    if (!take(m)) continue;
    years.add(Number(m[1]));
    if (/(?:比|较|与|和|跟|同|对比)\s*$/.test(question.slice(0, m.index))) versus = true;
    from ??= 'explicit';
  }
  for (const m of question.matchAll(chinesePattern)) {
    const year = readNumeral(m[0], 0)?.value;
    if (year === undefined || year < 1900 || year > 2100 || !take(m)) continue;
    years.add(year);
    from ??= 'explicit';
  }
  for (const m of question.matchAll(relativePattern)) {
    if (latestYear === null || !take(m)) continue;
    const year = latestYear + relativeOffset[m[0]];
    years.add(year);
    if (/(?:比|较|与|和|跟|对比)\s*$/.test(question.slice(0, m.index))) versus = true;
    from ??= 'relative';
    notes.push(`“${m[0]}”按语料最新年度${latestYear}年推算为${year}年`);
  }
  spans.sort((a, b) => a.start - b.start);
  return {
    years: [...years].sort((a, b) => a - b),
    from,
    note: notes.length > 0 ? `${[...new Set(notes)].join(';')}。` : null,
    spans,
    previousYear,
    versus,
  };
}
