/**
 * Verdicts: whether a claim's written interval (precision and qualifier) holds the value the
 * ledger or a derivation expects, with the reason in Chinese.
 */
import { formatValue } from '../quantities/index.ts';
import type { ClaimKind, LedgerRecord, Quantity, Verdict } from '../types.ts';

/** What a check concluded about one claim — the checked fields of CheckedClaim. */
export interface Finding {
  verdict: Verdict;
  metric: string | null;
  expected: number | null;
  source: string | null;
  explanation: string;
  candidates?: string[];
  /** The figure cannot be true on its face. */
  implausible?: true;
}

/** The claim fields verdicts look at. */
export type Judged = Quantity & { text: string; kind: ClaimKind };

/** Slack for values computed in floating point (ledger 139.76 × 10000). */
function slack(value: number): number {
  return 1e-9 * Math.max(1, Math.abs(value));
}

/** True when the claim's written interval holds `value`. */
export function holds(claim: Quantity, value: number): boolean {
  return value >= claim.low - slack(claim.low) && value <= claim.high + slack(claim.high);
}

/** True when the claim's interval and [low, high] (an expectation computed from rounded parts) meet. */
export function overlaps(claim: Quantity, low: number, high: number): boolean {
  return high >= claim.low - slack(claim.low) && low <= claim.high + slack(claim.high);
}

/** "ganquan-2016.csv 第12行 拆除违法建筑处数": where a ledger value comes from. */
export function sourceOf(record: LedgerRecord): string {
  return `${record.source.file} 第${record.source.row}行 ${record.metric}`;
}

/** A bound shown at the precision of its interval (3499.99 of [3400, 3500) reads 3500). */
function nice(value: number, width: number): number {
  if (!(width > 0)) return value;
  const p = 10 ** Math.floor(Math.log10(width / 20));
  return Number.parseFloat((Math.round(value / p) * p).toPrecision(12));
}

/** 3400余次 → "“3400余次”(即不少于3400次、少于3500次)": spells out what a qualified figure allows. */
export function describeBounds(claim: Judged): string {
  const { low, high, unit } = claim;
  if (!claim.qualifier) return `“${claim.text}”`;
  const strict = /超过|逾|超|高于|多于|不到|不足|少于|低于/.test(claim.qualifier);
  const stated = formatValue(Math.abs(claim.value), unit);
  if (!Number.isFinite(high)) return `“${claim.text}”(即${strict ? '多于' : '不少于'}${stated})`;
  if (low <= 0 && claim.value > 0) return `“${claim.text}”(即${strict ? '少于' : '不超过'}${stated})`;
  const width = high - low;
  const from = formatValue(nice(low, width), unit);
  const to = formatValue(nice(high, width), unit);
  if (/[余多]/.test(claim.qualifier)) return `“${claim.text}”(即不少于${from}、少于${to})`;
  return `“${claim.text}”(即${from}至${to}之间)`;
}

/** A value as the claim's kind reads it: changes with their direction (下降34%, 减少120人). */
function shown(value: number, unit: string, kind: ClaimKind): string {
  if (kind !== 'yoy' && kind !== 'pp' && kind !== 'delta') return formatValue(value, unit);
  if (value === 0) return '持平';
  const words = kind === 'pp' ? ['提高', '降低'] : kind === 'yoy' ? ['增长', '下降'] : ['增加', '减少'];
  return `${value > 0 ? words[0] : words[1]}${formatValue(Math.abs(value), unit)}`;
}

/** The finding for a claim matched to one ledger record. */
export function judgeAgainstRecord(claim: Judged, record: LedgerRecord): Finding {
  const expected = record.value;
  const value = shown(expected, record.unit, claim.kind);
  if (holds(claim, expected)) {
    const how = claim.qualifier ? `,符合${describeBounds(claim)}` : '';
    return {
      verdict: 'supported',
      metric: record.metric,
      expected,
      source: sourceOf(record),
      explanation: `与台账一致:${record.metric}为${value}${how}。`,
    };
  }
  return {
    verdict: 'contradicted',
    metric: record.metric,
    expected,
    source: sourceOf(record),
    explanation: `与台账不符:${record.metric}为${value},文中${describeBounds(claim)}。`,
  };
}

/** The finding for a claim checked against a computed value or interval (a derivation). */
export function judgeDerived(
  claim: Judged,
  expected: { value: number; low: number; high: number },
  how: { metric: string | null; source: string; basis: string },
): Finding {
  const value = shown(expected.value, claim.unit, claim.kind);
  const ok = overlaps(claim, expected.low, expected.high);
  return {
    verdict: ok ? 'supported' : 'contradicted',
    metric: how.metric,
    expected: expected.value,
    source: how.source,
    explanation: ok
      ? `推算一致:${how.basis},得${value}。`
      : `推算不符:${how.basis},应为${value},文中${describeBounds(claim)}。`,
  };
}

/** A claim nothing could check. */
export function unverified(explanation: string, candidates?: string[]): Finding {
  return {
    verdict: 'unverified',
    metric: null,
    expected: null,
    source: null,
    explanation,
    ...(candidates?.length ? { candidates } : {}),
  };
}
