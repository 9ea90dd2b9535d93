/**
 * Plausibility: ledger rows that cannot be true, found before anything is matched to them — a part
 * larger than its whole (more 居民区 完成 than there are 居民区), more days than a year has, a share
 * over 100%, a 同比 the two years' values contradict. Such rows are reported on import (as warnings:
 * the office's ledger is theirs to correct, and its other rows stay usable) and never serve as the
 * basis of a 不符 or of a figure in a draft.
 */

import type { ExtractedClaim } from '../claims/index.ts';
import { formatValue, levelKinds, unitsCompatible } from '../quantities/index.ts';
import type { LedgerRecord } from '../types.ts';
import { aspectOf } from './aspect.ts';
import { changeOf, fromRecord } from './change.ts';
import { facetsOf } from './facets.ts';
import type { LedgerIndex } from './match.ts';
import { indexLedger } from './match.ts';
import { levelRecord, sameSeries } from './series.ts';
import { higherBoundLarger } from './threshold-rows.ts';
import { holds } from './verdict.ts';

/** One implausible ledger row. */
export interface LedgerWarning {
  record: LedgerRecord;
  row: number;
  message_zh: string;
  message_en: string;
}

/** Percentages of a part among its whole: never above 100. 完成率, 增长率 and the like may be. */
export const shareWords =
  /占比|比重|比例|覆盖率|普及率|参保率|入学率|结案率|办结率|满意率|满意度|合格率|达标率|知晓率|安置率|签约率|回复率|好评率|通过率|就业率|参与率|接种率|入住率|出勤率|到位率|建档率|知晓度|受理率|答复率/;

/** A count of days that lies within one year (开放天数), not a running total or a sum over people. */
const daysInYear = /天数$/;
const notWithinYear = /累计|连续|历时|人天|人日|人次|合计|总/;

/** Generic endings of a whole's name: 居民区数 names 居民区. */
const wholeEnding = /(总数|个数|数量|数)$/;

/** Why a row cannot be true, in Chinese and English. */
export interface Flaw {
  zh: string;
  en: string;
}

function shareOver100(r: LedgerRecord): Flaw | null {
  if (r.unit !== '%' || aspectOf(r.metric) === 'change' || !shareWords.test(r.metric)) return null;
  if (r.value > 100)
    return { zh: `比例为${formatValue(r.value, '%')},超过100%`, en: `a share of ${r.value}% is over 100%` };
  if (r.value < 0)
    return { zh: `比例为${formatValue(r.value, '%')},小于0`, en: `a share of ${r.value}% is below 0` };
  return null;
}

function tooManyDays(r: LedgerRecord): Flaw | null {
  if (r.unit !== '天' || !daysInYear.test(r.metric) || notWithinYear.test(r.metric)) return null;
  if (r.value <= 366) return null;
  return { zh: `一年内的天数为${r.value}天,超过全年天数`, en: `${r.value} days in one year` };
}

/** A level count whose name is a whole's name with a qualifier before it (完成改造的居民区数 ⊂ 居民区数). */
function partOf(part: LedgerRecord, whole: LedgerRecord): boolean {
  if (part === whole || part.year !== whole.year || !unitsCompatible(part.unit, whole.unit)) return false;
  if (part.unit === '%' || aspectOf(part.metric) !== 'level' || aspectOf(whole.metric) !== 'level')
    return false;
  const stem = whole.metric.replace(wholeEnding, '');
  if (stem.length < 2) return false;
  const head = part.metric.replace(wholeEnding, '');
  if (!head.endsWith(stem) || head.length <= stem.length) return false;
  const a = facetsOf(part.metric);
  const b = facetsOf(whole.metric);
  return !a.target && !b.target && a.fresh === b.fresh && a.total === b.total;
}

function partLarger(r: LedgerRecord, ledger: readonly LedgerRecord[]): Flaw | null {
  const whole = ledger.find((w) => partOf(r, w) && r.value > w.value);
  if (!whole) return null;
  return {
    zh: `“${r.metric}”为${formatValue(r.value, r.unit)},多于其总体“${whole.metric}”${formatValue(whole.value, whole.unit)}`,
    en: `the part (${r.value} ${r.unit}) is larger than its whole "${whole.metric}" (${whole.value} ${whole.unit})`,
  };
}

/** The level a change row speaks of: 信访量 for 信访量同比变化. */
const changeWords =
  /同比(?:增长率|增减幅度|增减|变化|变动|增幅|降幅)?|(?:比上年|较上年)(?:增减|变化)?|增长率|增减幅度|增幅|变化率|变化/g;

function changeContradicted(r: LedgerRecord, index: LedgerIndex): Flaw | null {
  if (aspectOf(r.metric) !== 'change') return null;
  const kind = r.unit === '%' ? 'yoy' : r.unit === '个百分点' ? 'pp' : 'delta';
  const stem = r.metric.replace(changeWords, '');
  if (stem.length < 2) return null;
  const unit = kind === 'pp' ? '%' : kind === 'delta' ? r.unit : undefined;
  const current = levelRecord(stem, '', index, r.year, { unit, perPeriod: true });
  const previous = current && sameSeries(current, index, r.year - 1);
  if (!current || !previous) return null;
  const expected = changeOf(kind, fromRecord(current), fromRecord(previous));
  if (!expected) return null;
  const decimals = (String(r.value).split('.')[1] ?? '').length;
  const half = 0.5 * 10 ** -decimals;
  const stated = { value: r.value, low: r.value - half, high: r.value + half, unit: r.unit, qualifier: '' };
  if (holds(stated, expected.value)) return null;
  const rounded = Math.round(expected.value * 10) / 10;
  return {
    zh: `记为${formatValue(r.value, r.unit)},但按${current.metric}${r.year - 1}年${formatValue(previous.value, previous.unit)}、${r.year}年${formatValue(current.value, current.unit)}计算应为${formatValue(rounded, r.unit)}`,
    en: `stated as ${r.value} ${r.unit}, but "${current.metric}" went from ${previous.value} to ${current.value}: ${rounded} ${r.unit}`,
  };
}

const cache = new WeakMap<LedgerIndex, Map<LedgerRecord, Flaw>>();

/** The implausible rows of an indexed ledger with why (cached per index). */
export function implausibleIn(index: LedgerIndex): ReadonlyMap<LedgerRecord, Flaw> {
  const cached = cache.get(index);
  if (cached) return cached;
  const ledger = index.records.map((e) => e.record);
  const out = new Map<LedgerRecord, Flaw>();
  for (const r of ledger) {
    const why =
      shareOver100(r) ??
      tooManyDays(r) ??
      partLarger(r, ledger) ??
      higherBoundLarger(r, ledger) ??
      changeContradicted(r, index);
    if (why) out.set(r, why);
  }
  cache.set(index, out);
  return out;
}

/**
 * The warnings a ledger import reports: one per implausible row, naming the row.
 * @example ledgerWarnings(records)[0].message_zh // '第7行“完成改造的居民区数”:“完成改造的居民区数”为48个,多于其总体“居民区数”45个'
 */
export function ledgerWarnings(ledger: readonly LedgerRecord[]): LedgerWarning[] {
  return [...implausibleIn(indexLedger(ledger))].map(([record, why]) => ({
    record,
    row: record.source.row,
    message_zh: `第${record.source.row}行“${record.metric}”(${record.year}年)不合常理:${why.zh}`,
    message_en: `row ${record.source.row} "${record.metric}" (${record.year}) is implausible: ${why.en}`,
  }));
}

/** A year's words before a count of days: the count lies within one year. */
const withinYear = /全年|年内|今年|本年|当年|一年/;

/**
 * Why a figure of a text cannot be true, before any ledger is consulted: a share over 100% (覆盖率达
 * 105%), more days than the year has (全年开放380天), a part larger than its whole (45个居民区,其中48个).
 * Null when nothing is wrong with it on its face.
 */
export function implausibleFigure(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
): string | null {
  const lead = text.slice(claim.sentenceStart, claim.start);
  if (
    claim.kind === 'percent' &&
    claim.low > 100 &&
    (shareWords.test(claim.subject) || /占[^,，;；。]*$/.test(lead))
  ) {
    return `比例“${claim.text}”超过100%`;
  }
  if (claim.unit === '天' && claim.low > 366 && withinYear.test(lead) && !notWithinYear.test(lead)) {
    return `一年内的天数“${claim.text}”超过全年天数`;
  }
  const i = claims.indexOf(claim);
  const whole = claims[i - 1];
  if (
    whole &&
    whole.sentenceStart === claim.sentenceStart &&
    levelKinds.has(claim.kind) &&
    whole.kind === claim.kind &&
    unitsCompatible(whole.unit, claim.unit) &&
    /^[^,\uff0c;\uff1b。]{0,8}[,\uff0c]?\s*其中$/.test(text.slice(whole.end, claim.lead)) &&
    claim.low > whole.high
  ) {
    return `“其中”的部分“${claim.text}”多于总数“${whole.text}”`;
  }
  return null;
}
