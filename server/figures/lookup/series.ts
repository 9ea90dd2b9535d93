/**
 * Ledger records a computation needs: the same metric in another year (a series), and the one level
 * metric a phrase names — the base of a change (信访量 for 信访量同比下降34%), a rate's parts, a
 * share's whole, an average's total, a completion's target. Each must be the only record that fits
 * the unit, the facets asked for and the phrase's words; otherwise there is no base and nothing is
 * computed.
 */

import { unitsCompatible } from '../quantities/index.ts';
import type { LedgerRecord } from '../types.ts';
import { aspectOf } from './aspect.ts';
import { coverage, evidenceText } from './coverage.ts';
import { facetsOf } from './facets.ts';
import type { LedgerIndex } from './match.ts';
import { matchBase } from './match.ts';
import { tokenVariants } from './match-tokens.ts';

/** The record of the same metric in `year` (the same series), if the ledger has one. */
export function sameSeries(record: LedgerRecord, index: LedgerIndex, year: number): LedgerRecord | null {
  return (
    index.records.find((e) => e.record.year === year && e.record.metric === record.metric)?.record ?? null
  );
}

/** What a base must be. */
export interface BaseWanted {
  /** A unit the base must be compatible with. */
  unit?: string;
  /** true: a target (年度目标); false: not a target. Undefined: either. */
  target?: boolean;
  /** Whether a per-period metric (日均, 人均) may be the base; default false: a total is wanted. */
  perPeriod?: boolean;
}

/**
 * The one level record of `year` that `phrase` names, for a computation; null when none or several
 * fit (then nothing is computed: certain or silent).
 * @example levelRecord('帮助就业困难人员就业目标', '', index, 2023, { target: true }) // 帮助就业困难人员就业年度目标 80
 */
export function levelRecord(
  phrase: string,
  context: string,
  index: LedgerIndex,
  year: number,
  wanted: BaseWanted = {},
): LedgerRecord | null {
  const evidence = evidenceText([phrase, context]);
  const fitting = matchBase(phrase, context, index, year).close.filter((m) => {
    const metric = m.record.metric;
    if (wanted.unit && !unitsCompatible(wanted.unit, m.record.unit)) return false;
    if (wanted.target !== undefined && facetsOf(metric).target !== wanted.target) return false;
    if (!wanted.perPeriod && aspectOf(metric) === 'average') return false;
    return coverage(metric, evidence, tokenVariants).missing.length === 0;
  });
  return fitting.length === 1 ? fitting[0].record : null;
}

/** The words of `metric`'s name that `phrase` or its context writes: what made a base's match (for an audit). */
export function baseWords(metric: string, phrase: string, context: string): string[] {
  return coverage(metric, evidenceText([phrase, context]), tokenVariants).found;
}
