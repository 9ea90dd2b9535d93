/**
 * What a figure says of a metric — its level, a change, a rank, an average or a running total — and
 * the part of the year it covers, read from a metric name or a claim's subject.
 */

/** What a figure is of a metric: its level, a change, a rank, a daily/monthly average, a running total. */
export type Aspect = 'level' | 'change' | 'rank' | 'average' | 'cumulative';

/** Words of a change (同比, 增幅…). */
const changeWords = /同比|环比|变化|增减|增幅|降幅|涨幅|增长率|增速|比上年|较上年|净增|增量|下降幅度/;
/** Words of a rank (排名, 位次). */
const rankWords = /排名|名次|排位|位次/;
/** Per-period and per-head figures (日均, 月均, 人均): never a total, never divided again. */
const averageWords = /日均|月均|周均|年均|人均|户均|平均每|每天平均|每日平均|每月平均|每人平均|每户平均/;
/** 累计 means a running total, except 全年累计 (= the year's total). */
const cumulativeWords = /(?<!全年|年内|当年|今年|本年|年度)累计/;

/** A part of the year (一季度, 上半年, 1-6月): its figures are not the year's. Year-end (12月底) is the year. */
const periodPattern =
  /第?[一二三四1-4]季度|前三季度|上半年|下半年|[0-9一二三四五六七八九十]{1,3}(?:-|至|—|~)[0-9一二三四五六七八九十]{1,3}月|(?<![0-9])(?:[1-9]|1[01])月(?:份|底|末)?/;

/** The part of the year a phrase is about, '' for the whole year. */
export function periodOf(phrase: string): string {
  return (
    phrase
      .match(periodPattern)?.[0]
      .replace(/^第/, '')
      .replace(/[份底末]$/, '') ?? ''
  );
}

/** The aspect a metric name or a claim's subject speaks of. */
export function aspectOf(phrase: string, kind?: string): Aspect {
  if (kind === 'rank' || (kind === undefined && rankWords.test(phrase))) return 'rank';
  if (
    kind === 'yoy' ||
    kind === 'pp' ||
    kind === 'delta' ||
    (kind === undefined && changeWords.test(phrase))
  ) {
    return 'change';
  }
  if (averageWords.test(phrase)) return 'average';
  if (cumulativeWords.test(phrase)) return 'cumulative';
  return 'level';
}
