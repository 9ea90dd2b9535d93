/**
 * Finding the ledger metrics a question asks about. A question names no unit the way a claim does
 * (拆除违法建筑 may mean 处数 or 面积), so the figures engine's matcher is asked once per unit the
 * year's ledger uses, and every metric close to the best is kept: the answer lists them all.
 */

import type { LedgerRecord } from '../figures/index.ts';
import {
  ambiguityMargin,
  indexLedger,
  matchMetric,
  type ScoredMetric,
  unitsCompatible,
} from '../figures/index.ts';
import type { AskedAspect } from './types.ts';

/** What a question says about the figure it wants. */
export interface MetricQuery {
  topic: string;
  /** The whole question: weaker evidence. */
  context: string;
  /** A unit the question names (多少处 → 处), or null. */
  unit: string | null;
  aspect: AskedAspect;
}

/** Abbreviations office staff use for what ledgers spell out (拆违面积 → 拆除违法建筑面积). */
const abbreviations: [RegExp, string][] = [
  [/拆违/g, '拆除违法建筑'],
  [/违建/g, '违法建筑'],
  [/综治/g, '社会治安综合治理'],
  [/计生/g, '计划生育'],
];

/** A topic with its abbreviations spelled out; tried when the topic as written matches nothing. */
export function expandAbbreviations(topic: string): string {
  return abbreviations.reduce((text, [pattern, full]) => text.replace(pattern, full), topic);
}

/** The claim kind the matcher expects for an aspect (it reads the aspect of a claim from its kind). */
const kindOf: Record<AskedAspect, string> = { level: 'count', change: 'yoy', rank: 'rank' };

function matchOnce(ledger: readonly LedgerRecord[], query: MetricQuery, topic: string, year: number) {
  const index = indexLedger(ledger);
  const units = [...new Set(ledger.filter((r) => r.year === year).map((r) => r.unit))];
  const wanted = query.unit ? units.filter((u) => unitsCompatible(query.unit ?? '', u)) : [];
  const best = new Map<LedgerRecord, number>();
  for (const unit of wanted.length > 0 ? wanted : units) {
    const match = matchMetric(
      { subject: topic, context: query.context, unit, kind: kindOf[query.aspect] },
      index,
      year,
    );
    for (const m of match.close) best.set(m.record, Math.max(best.get(m.record) ?? 0, m.score));
  }
  return [...best].map(([record, score]) => ({ record, score })).sort((a, b) => b.score - a.score);
}

/**
 * The ledger records of `year` a question asks about, best first: the best and every one within the
 * matcher's ambiguity margin of it; empty when nothing fits.
 * @example findMetrics(ledger, { topic: '拆除违法建筑', context: '…', unit: null, aspect: 'level' }, 2016)
 * // [拆除违法建筑处数 154处, 拆除违法建筑面积 9058平方米]
 */
export function findMetrics(
  ledger: readonly LedgerRecord[],
  query: MetricQuery,
  year: number,
): ScoredMetric[] {
  if (!query.topic) return [];
  let scored = matchOnce(ledger, query, query.topic, year);
  // 累计 reads as a running total to the matcher; in a question it usually just means "in all".
  if (scored.length === 0 && query.topic.includes('累计')) {
    scored = matchOnce(ledger, query, query.topic.replaceAll('累计', ''), year);
  }
  const expanded = expandAbbreviations(query.topic);
  if (scored.length === 0 && expanded !== query.topic) scored = matchOnce(ledger, query, expanded, year);
  const top = scored[0]?.score ?? 0;
  return scored.filter((m) => m.score >= top - ambiguityMargin);
}

/** Years of the ledger, ascending. */
export function ledgerYears(ledger: readonly LedgerRecord[]): number[] {
  return [...new Set(ledger.map((r) => r.year))].sort((a, b) => a - b);
}
