/**
 * Rows that count the things above a bound (收入超过200万元的村数, 亿元以上项目数): of two rows alike
 * but for the bound, the higher bound counts no more things than the lower one — 8 villages above
 * 200万元 and 6 above 100万元 cannot both be true.
 */
import { formatValue, unitsCompatible } from '../quantities/index.ts';
import type { LedgerRecord } from '../types.ts';
import type { Flaw } from './plausibility.ts';

/** A lower bound written in a metric's name: 超过100万元的, 5000万元以上, 不少于50人的. */
const bound =
  /(超过|高于|不低于|不少于)?([0-9]+(?:\.[0-9]+)?)([千百万亿]*)(元|平方米|亩|吨|人|户|家|个)?(及以上|以上)?/;

const scales: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8 };

/** The metric's lower bound and its name with the bound taken out, or null when it names none. */
function lowerBound(metric: string): { value: number; rest: string } | null {
  const m = metric.match(bound);
  if (!m || m.index === undefined || (!m[1] && !m[5])) return null;
  const factor = [...m[3]].reduce((f, ch) => f * scales[ch], 1);
  return {
    value: Number(m[2]) * factor,
    rest: `${metric.slice(0, m.index)}#${m[4] ?? ''}${metric.slice(m.index + m[0].length)}`,
  };
}

/** Why a row counting the things above a bound holds more than the row of a lower bound, or null. */
export function higherBoundLarger(r: LedgerRecord, ledger: readonly LedgerRecord[]): Flaw | null {
  const own = lowerBound(r.metric);
  if (!own) return null;
  const lower = ledger.find((w) => {
    if (w === r || w.year !== r.year || !unitsCompatible(w.unit, r.unit) || r.value <= w.value) return false;
    const other = lowerBound(w.metric);
    return other !== null && other.rest === own.rest && other.value < own.value;
  });
  if (!lower) return null;
  return {
    zh: `“${r.metric}”为${formatValue(r.value, r.unit)},多于门槛更低的“${lower.metric}”${formatValue(lower.value, lower.unit)}`,
    en: `"${r.metric}" (${r.value} ${r.unit}) counts more than "${lower.metric}" (${lower.value} ${lower.unit}), whose bound is lower`,
  };
}
