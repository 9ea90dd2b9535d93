/**
 * Plausibility: ledger rows that cannot be true, found before anything is matched to them — a part
 * larger than its whole (more 居民区 完成 than there are 居民区), more days than a year has, a share
 * over 100%, a 同比 the two years' values contradict. Such rows are reported on import (as warnings:
 * the office's ledger is theirs to correct, and its other rows stay usable) and never serve as the
 * basis of a 不符 or of a figure in a draft.
 */

import { formatValue } from './format.ts';
import { changeOf, fromRecord } from './lookup/change.ts';
import { facetsOf } from './lookup/facets.ts';
import { levelRecord, sameSeries } from './lookup/series.ts';
import type { LedgerIndex } from './match.ts';
import { aspectOf, indexLedger } from './match.ts';
import type { LedgerRecord } from './types.ts';
import { unitsCompatible } from './units.ts';
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

function shareOver100(r: LedgerRecord): string | null {
  if (r.unit !== '%' || aspectOf(r.metric) === 'change' || !shareWords.test(r.metric)) return null;
  if (r.value > 100) return `比例为${formatValue(r.value, '%')},超过100%`;
  if (r.value < 0) return `比例为${formatValue(r.value, '%')},小于0`;
  return null;
}

function tooManyDays(r: LedgerRecord): string | null {
  if (r.unit !== '天' || !daysInYear.test(r.metric) || notWithinYear.test(r.metric)) return null;
  return r.value > 366 ? `一年的天数为${r.value}天,超过全年天数` : null;
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

function partLarger(r: LedgerRecord, ledger: readonly LedgerRecord[]): string | null {
  const whole = ledger.find((w) => partOf(r, w) && r.value > w.value);
  if (!whole) return null;
  return `“${r.metric}”为${formatValue(r.value, r.unit)},多于其总体“${whole.metric}”${formatValue(whole.value, whole.unit)}`;
}

/** The level a change row speaks of: 信访量 for 信访量同比变化. */
const changeWords =
  /同比(?:增长率|增减幅度|增减|变化|变动|增幅|降幅)?|(?:比上年|较上年)(?:增减|变化)?|增长率|增减幅度|增幅|变化率|变化/g;

function changeContradicted(r: LedgerRecord, index: LedgerIndex): string | null {
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
  const computed = formatValue(Math.round(expected.value * 10) / 10, r.unit);
  return `记为${formatValue(r.value, r.unit)},但按${current.metric}${r.year - 1}年${formatValue(previous.value, previous.unit)}、${r.year}年${formatValue(current.value, current.unit)}计算应为${computed}`;
}

const cache = new WeakMap<LedgerIndex, Map<LedgerRecord, string>>();

/** The implausible rows of an indexed ledger with why, in Chinese (cached per index). */
export function implausibleIn(index: LedgerIndex): ReadonlyMap<LedgerRecord, string> {
  const cached = cache.get(index);
  if (cached) return cached;
  const ledger = index.records.map((e) => e.record);
  const out = new Map<LedgerRecord, string>();
  for (const r of ledger) {
    const why = shareOver100(r) ?? tooManyDays(r) ?? partLarger(r, ledger) ?? changeContradicted(r, index);
    if (why) out.set(r, why);
  }
  cache.set(index, out);
  return out;
}

/**
 * The implausible rows of a ledger with why, in Chinese.
 * @example implausibleRows(ledger).get(record) // '比例为104.5%,超过100%'
 */
export function implausibleRows(ledger: readonly LedgerRecord[]): ReadonlyMap<LedgerRecord, string> {
  return implausibleIn(indexLedger(ledger));
}

/**
 * The warnings a ledger import reports: one per implausible row, naming the row.
 * @example ledgerWarnings(records)[0].message_zh // '第7行“完成改造的居民区数”:“完成改造的居民区数”为48个,多于其总体“居民区数”45个'
 */
export function ledgerWarnings(ledger: readonly LedgerRecord[]): LedgerWarning[] {
  return [...implausibleRows(ledger)].map(([record, why]) => ({
    record,
    row: record.source.row,
    message_zh: `第${record.source.row}行“${record.metric}”(${record.year}年)不合常理:${why}`,
    message_en: `row ${record.source.row} "${record.metric}" (${record.year}) is implausible: ${why}`,
  }));
}
