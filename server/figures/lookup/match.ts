/**
 * Matching a claim to the ledger metric it states. The ledger's wording differs from the report's
 * (老年综合津贴发放金额 vs 为…老人发放综合津贴,金额共计512.3万元), so metric names and notes are scored
 * against the claim's subject and sentence by weighted word and bigram overlap, with synonyms
 * (户/家庭, 人/名), after filtering by year, unit compatibility and aspect (level, change, rank, average,
 * running total).
 * Close runners-up make the match ambiguous: the caller then lists candidates instead of guessing.
 */
import { bigrams, segment } from '../../text/index.ts';
import { normalizeUnit, unitsCompatible } from '../quantities/index.ts';
import type { LedgerRecord } from '../types.ts';
import { type Aspect, aspectOf, periodOf } from './aspect.ts';
import { digitRuns, matchTokens, stopTokens, synonyms, variantsOf } from './match-tokens.ts';

/** The parts of a claim matching looks at. */
export interface MatchQuery {
  /** What is counted (拆除违法建筑); the strongest evidence. */
  subject: string;
  /** The claim's sentence: weaker evidence (the topic of a list, the programme named earlier). */
  context: string;
  unit: string;
  kind: string;
}

/** One scored ledger record. */
export interface ScoredMetric {
  record: LedgerRecord;
  score: number;
}

/** The outcome of matching one claim. */
export interface MatchResult {
  /** The best record, or null when none scores high enough. */
  best: ScoredMetric | null;
  /** Records scoring within the ambiguity margin of the best (the best included), best first. */
  close: ScoredMetric[];
}

/** One token of a metric name: the ways it may be written (户 · 家庭 · 户数) and its weight. */
interface NameToken {
  variants: string[];
  weight: number;
}

/** A ledger record prepared for matching. */
interface IndexedRecord {
  record: LedgerRecord;
  /** The part of the year the metric covers ('' for the whole year). */
  period: string;
  name: NameToken[];
  /** Every token of name and note, folded and as written: what a subject's bigrams are looked up in. */
  vocabulary: Set<string>;
  nameWeight: number;
  aspect: Aspect;
}

/** A ledger prepared for matching: tokens and weights computed once. */
export interface LedgerIndex {
  records: IndexedRecord[];
  idf: Map<string, number>;
  years: number[];
}

/** Scores below this are no match: the subject has too little in common with any metric name. */
export const minScore = 0.42;
/** Runners-up within this distance of the best make the match ambiguous. */
export const ambiguityMargin = 0.06;

const indexCache = new WeakMap<readonly LedgerRecord[], LedgerIndex>();

/** Prepares a ledger for matching (cached per ledger array): metric names are segmented once here. */
export function indexLedger(ledger: readonly LedgerRecord[]): LedgerIndex {
  const cached = indexCache.get(ledger);
  if (cached) return cached;
  const df = new Map<string, number>();
  const tokenized = ledger.map((record) => {
    const name = matchTokens(record.metric);
    const words = new Set(segment(record.metric).map((w) => synonyms[w] ?? w));
    const note = matchTokens(record.note ?? '');
    for (const t of new Set([...name, ...note])) df.set(t, (df.get(t) ?? 0) + 1);
    return { record, name, note, words };
  });
  const n = Math.max(1, ledger.length);
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  const records = tokenized.map(({ record, name, note, words }) => {
    const tokens: NameToken[] = [];
    let nameWeight = 0;
    for (const t of name) {
      // Bigrams that straddle two words count less than words.
      const weight = (idf.get(t) ?? 1) * (t.length === 2 && !words.has(t) ? 0.5 : 1);
      tokens.push({ variants: variantsOf.get(t) ?? [t], weight });
      nameWeight += weight;
    }
    const vocabulary = new Set<string>();
    for (const t of [...name, ...note]) for (const v of variantsOf.get(t) ?? [t]) vocabulary.add(v);
    for (const pair of bigrams(`${record.metric} ${record.note ?? ''}`)) vocabulary.add(pair);
    return {
      record,
      period: periodOf(record.metric),
      name: tokens,
      vocabulary,
      nameWeight,
      aspect: aspectOf(record.metric),
    };
  });
  const index = { records, idf, years: [...new Set(ledger.map((r) => r.year))].sort((a, b) => a - b) };
  indexCache.set(ledger, index);
  return index;
}

/** True when a ledger record can hold the claim's figure: same year, compatible unit, same aspect. */
function admissible(entry: IndexedRecord, query: MatchQuery, aspect: Aspect, year: number): boolean {
  if (entry.record.year !== year) return false;
  if (entry.aspect !== aspect) return false;
  if (entry.period !== periodOf(query.subject)) return false;
  if (query.kind === 'rank') return true;
  if (unitsCompatible(query.unit, entry.record.unit)) return true;
  // A ledger may keep a change in the unit of its level (比上年增加120人 vs 人).
  const info = normalizeUnit(entry.record.unit);
  return info !== null && info.unit === query.unit;
}

/** The claim side of matching, prepared once per claim. */
interface Probe {
  subject: string;
  context: string;
  /** Bigrams of the subject: for how much of the subject a metric explains. */
  subjectPairs: Set<string>;
}

function probeOf(subject: string, context: string): Probe {
  const clean = subject.replace(digitRuns, ' ');
  const subjectPairs = new Set(bigrams(clean).filter((p) => !stopTokens.has(p)));
  return { subject: clean, context: context.replace(digitRuns, ' '), subjectPairs };
}

/**
 * Scores one record: how much of the metric name the subject (fully) and the sentence (half)
 * contain — a token counts when any of its written forms is a substring — blended with how much of
 * the subject the metric's name and note explain.
 */
function score(entry: IndexedRecord, probe: Probe, idf: Map<string, number>): number {
  if (entry.nameWeight === 0) return 0;
  let covered = 0;
  for (const token of entry.name) {
    if (token.variants.some((v) => probe.subject.includes(v))) covered += token.weight;
    else if (token.variants.some((v) => probe.context.includes(v))) covered += 0.5 * token.weight;
  }
  let subjectWeight = 0;
  let subjectHits = 0;
  for (const t of probe.subjectPairs) {
    const w = idf.get(t) ?? 0.5;
    subjectWeight += w;
    if (entry.vocabulary.has(t)) subjectHits += w;
  }
  const precision = subjectWeight > 0 ? subjectHits / subjectWeight : 0;
  return 0.7 * (covered / entry.nameWeight) + 0.3 * precision;
}

/**
 * Finds the ledger record a claim states for `year`.
 * @example matchMetric({ subject: '拆除违法建筑', context: '…', unit: '处', kind: 'count' }, index, 2016)
 * // { best: { record: {metric: '拆除违法建筑处数', …}, score: 0.9 }, close: [ … ] }
 */
export function matchMetric(query: MatchQuery, index: LedgerIndex, year: number): MatchResult {
  return ranked(scoreMetrics(query, index, year));
}

/** Every record of `year` that can hold the claim's figure and scores at least minScore, best first. */
export function scoreMetrics(query: MatchQuery, index: LedgerIndex, year: number): ScoredMetric[] {
  const probe = probeOf(query.subject, query.context);
  const aspect = aspectOf(query.subject, query.kind);
  const scored: ScoredMetric[] = [];
  for (const entry of index.records) {
    if (!admissible(entry, query, aspect, year)) continue;
    const s = score(entry, probe, index.idf);
    if (s >= minScore) scored.push({ record: entry.record, score: s });
  }
  return scored.sort((a, b) => b.score - a.score);
}

function ranked(scored: ScoredMetric[]): MatchResult {
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0] ?? null;
  const close = best ? scored.filter((m) => m.score >= best.score - ambiguityMargin) : [];
  return { best, close };
}

/**
 * Finds the level metric a change or rate refers to, for derived checks: like matchMetric but
 * ignoring unit (信访量 for 信访量同比下降34%); changes and ranks are never a base.
 */
export function matchBase(subject: string, context: string, index: LedgerIndex, year: number): MatchResult {
  const probe = probeOf(subject, context);
  const scored: ScoredMetric[] = [];
  for (const entry of index.records) {
    if (entry.record.year !== year || entry.aspect === 'change' || entry.aspect === 'rank') continue;
    if (entry.period !== periodOf(subject)) continue;
    const value = score(entry, probe, index.idf);
    if (value >= minScore) scored.push({ record: entry.record, score: value });
  }
  return ranked(scored);
}
