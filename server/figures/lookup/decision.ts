/**
 * The one match decision: which ledger record a figure states, and whether that is certain. Check,
 * drafting and chat all ask here. A match is certain only when the unit, the aspect (level, change,
 * rank, per-period, running total), the facets (target vs actual, new vs total, honour subsets,
 * completion) and the subject agree — every content word of the metric's name written in the
 * figure's wording — and exactly one record is left. Anything less is uncertain, with candidates.
 */

import type { LedgerRecord, Quantity } from '../types.ts';
import { contentWords, coverage, evidenceText, subjectWords, subsetWords, unnamedWords } from './coverage.ts';
import { facetConflict, facetsOf } from './facets.ts';
import type { LedgerIndex, MatchQuery, ScoredMetric } from './match.ts';
import { ambiguityMargin, scoreMetrics } from './match.ts';
import { tokenVariants } from './match-tokens.ts';
import { implausibleIn } from './plausibility.ts';
import { holds } from './verdict.ts';

/** A figure asking for its ledger record. */
export interface FigureQuery extends MatchQuery {
  /**
   * The paragraph from its start to the end of the figure's sentence: where a subject carried from
   * an earlier clause or the paragraph's topic is written. Defaults to `context`.
   */
  paragraph?: string;
  /** The figure's clause up to the figure (新建社区嵌入式养老服务机构6家、社区长者食堂): its kind words. */
  clause?: string;
}

/** How sure the decision is. */
export type Certainty = 'certain' | 'uncertain' | 'none';

/** The decision for one figure. */
export interface MatchDecision {
  certainty: Certainty;
  /** The record the figure states — only when certain. */
  record: LedgerRecord | null;
  /** Records it may state, best first, when not certain (or the record alone when certain). */
  candidates: LedgerRecord[];
  /** Words of the metric's name the figure's wording states: what made the match. */
  words: string[];
  /** Why the match is not certain, in Chinese; '' when certain. */
  reason: string;
}

/** Options of decideRecord. */
export interface DecideOptions {
  /** A value the figure is known to state (last year's figure in drafting): settles close calls. */
  settle?: Quantity;
}

interface Weighed extends ScoredMetric {
  found: string[];
  missing: string[];
  conflict: string | null;
}

function none(reason: string, candidates: LedgerRecord[] = []): MatchDecision {
  return { certainty: 'none', record: null, candidates, words: [], reason };
}

function uncertain(reason: string, candidates: Weighed[]): MatchDecision {
  return {
    certainty: 'uncertain',
    record: null,
    candidates: candidates.map((c) => c.record),
    words: [],
    reason,
  };
}

function certain(pick: Weighed): MatchDecision {
  return {
    certainty: 'certain',
    record: pick.record,
    candidates: [pick.record],
    words: pick.found,
    reason: '',
  };
}

const names = (list: readonly Weighed[]): string => list.map((c) => `“${c.record.metric}”`).join('、');

/** Why a figure is only some of a stock metric (小区数 for 完成3个小区改造), or null. */
function stockConflict(metric: string, subject: readonly string[]): string | null {
  const extra = subsetWords(metric, subject);
  return extra.length > 0 ? `台账“${metric}”是总数,文中“${extra.join('')}”的只是其中一部分` : null;
}

/**
 * A subject whose own words the metric does not name: none of them for a count (another thing),
 * any of them for a rate — a rate names its topic in full (垃圾分类覆盖率 is not 污水治理覆盖率,
 * 基本医疗保险参保率 not 基本养老保险参保率).
 */
function foreignSubject(own: readonly string[], metricText: string, rate: boolean): string | null {
  const foreign = unnamedWords(own, metricText);
  if (own.length === 0 || foreign.length === 0 || (!rate && foreign.length < own.length)) return null;
  return `文中“${foreign.join('、')}”不是台账指标所指`;
}

/** A total (登记社会组织总数) is stated as such: a subject saying more (完成…年检) counts some of it. */
function partOfTotal(
  said: readonly string[],
  metric: string,
  metricText: string,
  total: boolean,
): string | null {
  if (total || !facetsOf(metric).total) return null;
  const extra = said.filter((w) => w.length >= 2 && !metricText.includes(w) && contentWords(w).length > 0);
  return extra.length > 0 ? `台账“${metric}”是总数,文中“${extra.join('')}”的只是其中一部分` : null;
}

/** Every admissible record of `year` weighed: its score, the words the figure states, any conflict of kinds. */
function weigh(query: FigureQuery, index: LedgerIndex, year: number): Weighed[] {
  const evidence = evidenceText([query.subject, query.paragraph ?? query.context]);
  // The clause's own words count too: 新建A 6家、B 18家 — 新建 holds for B.
  const claim = facetsOf(`${query.clause ?? ''}${query.subject}`);
  // Whether a 其中 item names its part, and the bound of a listed item, are read in its own clause.
  if (query.clause !== undefined) {
    const own = facetsOf(query.clause);
    claim.part = own.part;
    if (own.threshold) claim.threshold = own.threshold;
  }
  const percent = query.unit === '%';
  const scored = scoreMetrics(query, index, year);
  const said = scored.length > 0 ? subjectWords(query.subject) : [];
  const own = scored.length > 0 ? contentWords(query.subject) : [];
  return scored.map((m) => {
    const { found, missing } = coverage(m.record.metric, evidence, tokenVariants);
    const metricText = `${m.record.metric} ${m.record.note}`;
    const conflict =
      facetConflict(query.subject, claim, facetsOf(m.record.metric), metricText, percent) ??
      stockConflict(m.record.metric, said) ??
      foreignSubject(own, metricText, percent) ??
      partOfTotal(said, m.record.metric, metricText, claim.total);
    return { ...m, found, missing, conflict };
  });
}

/**
 * Decides which record of `year` a figure states.
 * @example decideRecord({ subject: '帮助就业困难人员就业', context: '…', unit: '人', kind: 'count' }, index, 2023)
 * // { certainty: 'certain', record: {metric: '帮助就业困难人员就业人数', …}, words: ['帮助', '就业', '困难', '人员'], … }
 */
export function decideRecord(
  query: FigureQuery,
  index: LedgerIndex,
  year: number,
  options: DecideOptions = {},
): MatchDecision {
  const weighed = weigh(query, index, year);
  if (weighed.length === 0) return none('');
  const kept = weighed.filter((w) => w.conflict === null);
  if (kept.length === 0) {
    return none(
      `${weighed[0].conflict}(${names(weighed.slice(0, 3))})`,
      weighed.slice(0, 3).map((w) => w.record),
    );
  }
  const best = kept[0];
  const covered = kept.filter((w) => w.missing.length === 0);
  const top = covered[0];
  if (!top || top.score < best.score - ambiguityMargin) {
    const shown = kept.filter((w) => w.score >= best.score - ambiguityMargin);
    const missing = [...new Set(best.missing)].join('、');
    return uncertain(`台账指标“${best.record.metric}”中的“${missing}”文中未写明`, shown);
  }
  const close = covered.filter((w) => w.score >= top.score - ambiguityMargin);
  let pick: Weighed | null = close.length === 1 ? top : null;
  if (!pick && options.settle) {
    const settle = options.settle;
    const holding = close.filter((w) => holds(settle, w.record.value));
    if (holding.length === 1) pick = holding[0];
  }
  if (!pick) return uncertain(`台账中有多个指标与此匹配,无法确定:${names(close)}`, close);
  const flaw = implausibleIn(index).get(pick.record);
  if (flaw) return uncertain(`台账“${pick.record.metric}”一行不合常理:${flaw.zh}`, [pick]);
  return certain(pick);
}
