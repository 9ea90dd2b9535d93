/**
 * This year's value of one of last year's figures: the same ledger metric's new value, a change
 * recomputed from the two years' levels (同比, 百分点, 比上年增加), a rate recomputed from its parts —
 * or nothing, and the figure stays pending. Pure: the ledger comes in as an index.
 */
import type { ExtractedClaim } from '../figures/claims.ts';
import { rateParts } from '../figures/derived.ts';
import type { LedgerIndex } from '../figures/match.ts';
import { matchBase, matchMetric } from '../figures/match.ts';
import type { LedgerRecord } from '../figures/types.ts';
import { unitsCompatible } from '../figures/units.ts';
import { holds } from '../figures/verdict.ts';

/** The years a carry-forward moves between. */
export interface CarryYears {
  /** The year of last year's report. */
  from: number;
  /** The year being drafted. */
  to: number;
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
    }
  | { status: 'pending'; metric: string | null; used: string[] };

const changeKinds = new Set(['yoy', 'pp', 'delta']);

/** The record of `metric` in `year`, if the ledger has one. */
function sameMetric(index: LedgerIndex, metric: string, year: number): LedgerRecord | null {
  return index.records.find((e) => e.record.year === year && e.record.metric === metric)?.record ?? null;
}

/**
 * The ledger record a level figure states in `year`. An ambiguous match is settled by the value last
 * year's figure states (`settleBy`), else refused.
 */
function levelRecord(
  claim: ExtractedClaim,
  context: string,
  index: LedgerIndex,
  year: number,
  settleBy: ExtractedClaim | null,
): LedgerRecord | null {
  const match = matchMetric(
    { subject: claim.subject, context, unit: claim.unit, kind: claim.kind },
    index,
    year,
  );
  if (!match.best) return null;
  if (match.close.length === 1) return match.best.record;
  if (!settleBy) return null;
  const stated = match.close.filter((m) => holds(settleBy, m.record.value));
  return stated.length >= 1 ? stated[0].record : null;
}

/** The unique level metric a change speaks of in `year` (信访量 for 信访量同比下降34%). */
function changeBase(
  claim: ExtractedClaim,
  context: string,
  index: LedgerIndex,
  year: number,
): LedgerRecord | null {
  const unit = claim.kind === 'pp' ? '%' : claim.kind === 'delta' ? claim.unit : null;
  const match = matchBase(claim.subject, context, index, year);
  const fitting = match.close.filter((m) => !unit || unitsCompatible(unit, m.record.unit));
  return fitting.length === 1 ? fitting[0].record : null;
}

/** 同比/百分点/比上年: from the two years' levels when the ledger has both, else the ledger's own change. */
function resolveChange(
  claim: ExtractedClaim,
  context: string,
  index: LedgerIndex,
  years: CarryYears,
): Resolution {
  const direct = levelRecord(claim, context, index, years.to, null);
  const current = changeBase(claim, context, index, years.to);
  const before = current ? sameMetric(index, current.metric, years.to - 1) : null;
  const used = [direct?.metric, current?.metric].filter((m): m is string => Boolean(m));
  if (current && before && !(claim.kind === 'yoy' && before.value <= 0)) {
    const value =
      claim.kind === 'yoy' ? (current.value / before.value - 1) * 100 : current.value - before.value;
    return { status: 'recomputed', value, unit: claim.unit, metric: current.metric, used };
  }
  if (direct)
    return { status: 'updated', value: direct.value, unit: direct.unit, metric: direct.metric, used };
  return { status: 'pending', metric: null, used };
}

/**
 * Finds this year's value for one of last year's figures. Level figures are identified in last
 * year's ledger first (the figure's own value settles close calls) and followed to the same metric
 * this year; without last year's ledger they are matched in this year's directly. Rates with no
 * value of their own are recomputed from their parts when the parts have new values (`partValue`).
 */
export function resolveFigure(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex,
  years: CarryYears,
  partValue: (part: ExtractedClaim) => Resolution | undefined,
): Resolution {
  const context = text.slice(claim.sentenceStart, claim.sentenceEnd);
  if (changeKinds.has(claim.kind)) return resolveChange(claim, context, index, years);
  const previous = levelRecord(claim, context, index, years.from, claim);
  const current = previous
    ? sameMetric(index, previous.metric, years.to)
    : levelRecord(claim, context, index, years.to, null);
  if (current) {
    return {
      status: 'updated',
      value: current.value,
      unit: current.unit,
      metric: current.metric,
      used: [current.metric],
    };
  }
  if (claim.kind === 'percent') {
    const parts = rateParts(
      claim,
      claims.filter((c) => c.sentenceStart === claim.sentenceStart),
    );
    const numerator = parts && partValue(parts.numerator);
    const denominator = parts && partValue(parts.denominator);
    if (numerator?.status === 'updated' && denominator?.status === 'updated' && denominator.value > 0) {
      return {
        status: 'recomputed',
        value: (numerator.value / denominator.value) * 100,
        unit: '%',
        metric: numerator.metric,
        used: [...numerator.used, ...denominator.used],
      };
    }
  }
  return { status: 'pending', metric: previous?.metric ?? null, used: [] };
}
