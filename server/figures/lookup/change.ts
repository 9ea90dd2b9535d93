/**
 * The change arithmetic every part of the product uses: 同比 (relative change), 个百分点 and 比上年增加
 * (differences), rates and completion (a part over its whole or target), per-period averages (a
 * total over the days or months of the year) and running totals — each with the interval its
 * operands' precision allows, and with where each operand comes from.
 */
import type { ExtractedClaim } from '../claims/index.ts';
import { formatValue } from '../quantities/index.ts';
import type { LedgerRecord } from '../types.ts';
import { sourceOf } from './verdict.ts';

/** A value with the interval of true values its written precision allows. */
export interface Bounds {
  value: number;
  low: number;
  high: number;
}

/** A value a computation uses: from the ledger or from a claim of the text, with its interval. */
export interface Operand extends Bounds {
  unit: string;
  /** How to name it in an explanation: 台账2016年受理案件数18,735件 / 文中“受理18,735件”. */
  label: string;
  /** Where it comes from: a ledger row or the text. */
  source: string;
  metric: string | null;
}

/** A computed value with its interval. */
export type Expected = Bounds;

/** An exact value (a ledger's, or one already resolved) as bounds. */
export function exact(value: number): Bounds {
  return { value, low: value, high: value };
}

/** A ledger record as an operand (exact). */
export function fromRecord(record: LedgerRecord): Operand {
  return {
    value: record.value,
    low: record.value,
    high: record.value,
    unit: record.unit,
    label: `台账${record.year}年${record.metric}${formatValue(record.value, record.unit)}`,
    source: sourceOf(record),
    metric: record.metric,
  };
}

/** A claim of the text as an operand, with the interval its written form allows. */
export function fromClaim(claim: ExtractedClaim): Operand {
  return {
    value: claim.value,
    low: Number.isFinite(claim.low) ? claim.low : claim.value,
    high: Number.isFinite(claim.high) ? claim.high : claim.value,
    unit: claim.unit,
    label: `文中“${claim.text}”`,
    source: `文中第${claim.start + 1}字“${claim.text}”`,
    metric: null,
  };
}

/** a / b × 100 with interval bounds: a rate, a share or a completion (85人 of a target of 80 → 106.25). */
export function ratio(a: Bounds, b: Bounds): Expected | null {
  if (b.low <= 0 || b.value <= 0) return null;
  return { value: (a.value / b.value) * 100, low: (a.low / b.high) * 100, high: (a.high / b.low) * 100 };
}

/** a − b with interval bounds. */
export function difference(a: Bounds, b: Bounds): Expected {
  return { value: a.value - b.value, low: a.low - b.high, high: a.high - b.low };
}

/** a + b with interval bounds (a running total: last year's plus this year's new ones). */
export function sum(a: Bounds, b: Bounds): Expected {
  return { value: a.value + b.value, low: a.low + b.low, high: a.high + b.high };
}

/** The kinds of change a figure can state. */
export type ChangeKind = 'yoy' | 'pp' | 'delta';

/**
 * The change from `previous` to `current`: 同比 (yoy) in percent, 个百分点 (pp) and 比上年增减 (delta)
 * as differences. Null for a relative change from a base that is not positive.
 * @example changeOf('yoy', fromRecord(信访量2016 = 660), fromRecord(信访量2015 = 1000)).value // -34
 */
export function changeOf(kind: ChangeKind, current: Bounds, previous: Bounds): Expected | null {
  if (kind !== 'yoy') return difference(current, previous);
  const r = ratio(current, previous);
  return r && { value: r.value - 100, low: r.low - 100, high: r.high - 100 };
}

/** The kind of change a figure of `kind` and `unit` states, or null when it states no change. */
export function changeKindOf(kind: string): ChangeKind | null {
  return kind === 'yoy' || kind === 'pp' || kind === 'delta' ? kind : null;
}

/** Per-period averages and what a year holds of each period: 日均 over 365 or 366 days, 月均 over 12. */
export const periods: readonly {
  words: RegExp;
  divisors: readonly number[];
  label: string;
  /** The periods a service may count instead (working days, about 250, up to every day of the year). */
  open?: readonly [number, number];
}[] = [
  {
    words: /日均|平均每天|平均每日|每天平均|每日平均/,
    divisors: [365, 366],
    label: '全年天数',
    open: [240, 366],
  },
  { words: /月均|平均每月|每月平均/, divisors: [12], label: '12个月' },
  { words: /周均|平均每周|每周平均/, divisors: [52], label: '52周' },
];

/** A year's total spread over its periods: one expectation per possible divisor. */
export function perPeriod(total: Bounds, divisors: readonly number[]): Expected[] {
  return divisors.map((d) => ({ value: total.value / d, low: total.low / d, high: total.high / d }));
}
