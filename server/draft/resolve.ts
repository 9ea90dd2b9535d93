/**
 * This year's value of one of last year's figures: the same ledger metric's new value, a change
 * recomputed from the two years' levels (同比, 百分点, 比上年增加), a rate recomputed from its parts —
 * or nothing, and the figure stays pending. Which record a figure states is the figures engine's one
 * match decision (certain or nothing); the arithmetic is the engine's too. Pure: the ledger comes in
 * as an index.
 */
import type {
  ExtractedClaim,
  FigureQuery,
  LedgerIndex,
  LedgerRecord,
  MatchDecision,
} from '../figures/index.ts';
import {
  aspectOf,
  baseWords,
  changeKindOf,
  changeOf,
  decideRecord,
  exact,
  fromRecord,
  levelRecord,
  rateParts,
  ratio,
  sameSeries,
} from '../figures/index.ts';

/** The years a carry-forward moves between. */
export interface CarryYears {
  /** The year of last year's report. */
  from: number;
  /** The year being drafted. */
  to: number;
}

/** A ledger row a figure's new value rests on, and the words of the old text that made the match. */
export interface Basis {
  record: LedgerRecord;
  /** Words of the metric's name written in the figure's wording. */
  words: string[];
}

/** What the engine found for one figure. */
export type Resolution =
  | {
      status: 'updated' | 'recomputed';
      /** The new value in base units (signed for changes). */
      value: number;
      unit: string;
      metric: string | null;
      /** Metrics of the new year this figure states or was computed from. */
      used: string[];
      /** The rows the value rests on, with the words that made the match (for the audit). */
      basis: Basis[];
    }
  | {
      status: 'pending';
      metric: string | null;
      used: string[];
      /** Last year's row that identified the figure's metric, when one did (for the audit). */
      basis: Basis[];
      /** Why no value was placed, in Chinese; '' when the ledger simply has no such metric. */
      reason: string;
      /** Metrics the figure may state when the match was not certain. */
      candidates: string[];
    };

function pending(metric: string | null, decision: MatchDecision | null): Resolution {
  return {
    status: 'pending',
    metric,
    used: [],
    basis: decision?.record ? [{ record: decision.record, words: decision.words }] : [],
    reason: decision?.reason ?? '',
    candidates: decision?.candidates.map((r) => r.metric) ?? [],
  };
}

/**
 * The record of `years.to` that a figure states: identified in last year's ledger first (last
 * year's figure settles close calls by its value) and followed to the same metric; matched in this
 * year's directly only when last year's ledger has nothing for it.
 */
function followSeries(
  query: FigureQuery,
  claim: ExtractedClaim,
  index: LedgerIndex,
  years: CarryYears,
): { record: LedgerRecord | null; decision: MatchDecision } {
  const before = decideRecord(query, index, years.from, { settle: claim });
  if (before.record) return { record: sameSeries(before.record, index, years.to), decision: before };
  if (before.certainty !== 'none') return { record: null, decision: before };
  const now = decideRecord(query, index, years.to);
  return { record: now.record, decision: now };
}

/** This year's record as the figure's new value; last year's record that identified it follows in the basis. */
function updated(record: LedgerRecord, decision: MatchDecision): Resolution {
  const identified = decision.record && decision.record !== record ? [decision.record] : [];
  return {
    status: 'updated',
    value: record.value,
    unit: record.unit,
    metric: record.metric,
    used: [record.metric],
    basis: [record, ...identified].map((r) => ({ record: r, words: decision.words })),
  };
}

/** 同比/百分点/比上年: from the two years' levels when the ledger has both, else the ledger's own change. */
function resolveChange(
  claim: ExtractedClaim,
  query: FigureQuery,
  index: LedgerIndex,
  years: CarryYears,
): Resolution {
  const kind = changeKindOf(claim.kind);
  const unit = kind === 'pp' ? '%' : kind === 'delta' ? claim.unit : undefined;
  const perPeriod = aspectOf(claim.subject) === 'average';
  const current = levelRecord(claim.subject, query.context, index, years.to, { unit, perPeriod });
  const before = current ? sameSeries(current, index, years.to - 1) : null;
  const change = kind && current && before ? changeOf(kind, fromRecord(current), fromRecord(before)) : null;
  const direct = followSeries(query, claim, index, years);
  const used = [direct.record?.metric, current?.metric].filter((m): m is string => Boolean(m));
  if (change && current && before) {
    const words = baseWords(current.metric, claim.subject, query.context);
    const basis = [
      { record: current, words },
      { record: before, words },
    ];
    return {
      status: 'recomputed',
      value: change.value,
      unit: claim.unit,
      metric: current.metric,
      used,
      basis,
    };
  }
  if (direct.record) return { ...updated(direct.record, direct.decision), used };
  return pending(null, direct.decision);
}

/**
 * Finds this year's value for one of last year's figures. Rates with no value of their own are
 * recomputed from their parts when the parts have new values (`partValue`).
 */
export function resolveFigure(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex,
  years: CarryYears,
  partValue: (part: ExtractedClaim) => Resolution | undefined,
): Resolution {
  const query: FigureQuery = {
    subject: claim.subject,
    context: text.slice(claim.sentenceStart, claim.sentenceEnd),
    paragraph: text.slice(text.lastIndexOf('\n', claim.sentenceStart) + 1, claim.sentenceEnd),
    unit: claim.unit,
    kind: claim.kind,
  };
  if (changeKindOf(claim.kind)) return resolveChange(claim, query, index, years);
  const found = followSeries(query, claim, index, years);
  if (found.record) return updated(found.record, found.decision);
  if (claim.kind === 'percent') {
    const parts = rateParts(
      claim,
      claims.filter((c) => c.sentenceStart === claim.sentenceStart),
    );
    const numerator = parts && partValue(parts.numerator);
    const denominator = parts && partValue(parts.denominator);
    if (numerator?.status === 'updated' && denominator?.status === 'updated') {
      const rate = ratio(exact(numerator.value), exact(denominator.value));
      if (rate) {
        return {
          status: 'recomputed',
          value: rate.value,
          unit: '%',
          metric: numerator.metric,
          used: [...numerator.used, ...denominator.used],
          // This year's rows of the parts (their basis also names last year's, which identified them).
          basis: [...numerator.basis, ...denominator.basis].filter((b) => b.record.year === years.to),
        };
      }
    }
  }
  return pending(found.decision.record?.metric ?? null, found.decision);
}
