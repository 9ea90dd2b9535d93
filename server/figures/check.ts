/**
 * Checking a text: every claim extracted, matched to the ledger for the report's year and judged;
 * then derived checks (rates, changes, averages, sums, cumulative totals) for claims the ledger does
 * not state directly, and internal consistency for what the text says about itself.
 */
import type { ExtractedClaim } from './claims.ts';
import { extractClaims } from './claims.ts';
import { checkConsistency } from './consistency.ts';
import { deriveFinding } from './derived.ts';
import { formatValue } from './format.ts';
import type { LedgerIndex } from './match.ts';
import { indexLedger, matchMetric } from './match.ts';
import type { CheckedClaim, CheckResult, LedgerRecord } from './types.ts';
import type { Finding } from './verdict.ts';
import { describeBounds, judgeAgainstRecord, sourceOf, unverified } from './verdict.ts';
import { reportYear } from './year.ts';

/** A drafting marker holding last year's figure: 【待核实:上年为538户】. */
const pendingMarker = /【待核实[^】]*】/g;

/** Options of checkText. */
export interface CheckOptions {
  /** The year the text reports on; default: the report's own year, else the ledger's latest. */
  year?: number | null;
}

/** The year to check against: the option, else the report's own, else the ledger's latest. */
export function resolveYear(
  text: string,
  ledger: readonly LedgerRecord[],
  year?: number | null,
): number | null {
  if (year !== undefined && year !== null) return year;
  const own = reportYear(text);
  if (own !== null) return own;
  let latest: number | null = null;
  for (const r of ledger) if (latest === null || r.year > latest) latest = r.year;
  return latest;
}

/** The sentence a claim stands in. */
export function sentenceOf(text: string, claim: ExtractedClaim): string {
  return text.slice(claim.sentenceStart, claim.sentenceEnd);
}

/** Matches one subject of a claim and judges it; null when the ledger has no metric for it. */
function judgeSubject(
  claim: ExtractedClaim,
  subject: string,
  context: string,
  index: LedgerIndex,
  year: number,
): Finding | null {
  const match = matchMetric({ subject, context, unit: claim.unit, kind: claim.kind }, index, year);
  if (!match.best) return null;
  if (match.close.length === 1) return judgeAgainstRecord(claim, match.best.record);
  // Several metrics fit about equally: a verdict only when every one of them gives the same, and
  // an expected value only when they all hold the same value — never a guess between them.
  const findings = match.close.map((m) => judgeAgainstRecord(claim, m.record));
  const names = match.close.map((m) => m.record.metric);
  if (!findings.every((f) => f.verdict === findings[0].verdict)) {
    return unverified(`台账中有多个指标与此匹配,无法确定:${names.join('、')}。`, names);
  }
  if (findings.every((f) => f.expected === findings[0].expected))
    return { ...findings[0], candidates: names };
  const values = match.close.map((m) => `${m.record.metric}为${formatValue(m.record.value, m.record.unit)}`);
  return {
    verdict: findings[0].verdict,
    metric: null,
    expected: null,
    source: match.close.map((m) => sourceOf(m.record)).join(';'),
    explanation: `与台账${findings[0].verdict === 'supported' ? '一致' : '不符'}:可能对应的指标${values.join('、')},文中${describeBounds(claim)}均${findings[0].verdict === 'supported' ? '相符' : '不符'}。`,
    candidates: names,
  };
}

/** Direct ledger check of a claim: each of its subjects must hold (安置率和自谋职业率均为100%). */
function judgeDirect(claim: ExtractedClaim, text: string, index: LedgerIndex, year: number): Finding | null {
  const context = sentenceOf(text, claim);
  const whole = judgeSubject(claim, claim.subject, context, index, year);
  if (claim.subjects.length <= 1) return whole;
  const parts = claim.subjects.map((s) => judgeSubject(claim, s, context, index, year));
  const found = parts.filter((f): f is Finding => f !== null);
  if (found.length === 0) return whole;
  const contradicted = found.find((f) => f.verdict === 'contradicted');
  if (contradicted) return contradicted;
  const metrics = [...new Set(found.map((f) => f.metric))];
  const explanations = [...new Set(found.map((f) => f.explanation))].join('');
  if (found.length === parts.length && found.every((f) => f.verdict === 'supported')) {
    return { ...found[0], metric: metrics.join('、'), explanation: explanations };
  }
  // One figure for two subjects is verified only when both are.
  const missing = claim.subjects.filter((_, i) => parts[i] === null || parts[i]?.verdict !== 'supported');
  return unverified(`${explanations}台账中没有“${missing.join('、')}”对应的指标,无法全部核对。`);
}

function toChecked(claim: ExtractedClaim, finding: Finding): CheckedClaim {
  return {
    start: claim.start,
    end: claim.end,
    text: claim.text,
    value: claim.value,
    unit: claim.unit,
    kind: claim.kind,
    qualifier: claim.qualifier,
    metric: finding.metric,
    verdict: finding.verdict,
    expected: finding.expected,
    source: finding.source,
    explanation: finding.explanation,
    ...(finding.candidates ? { candidates: finding.candidates } : {}),
  };
}

/**
 * Checks every figure of a text against the ledger: pure, synchronous, deterministic.
 * @example checkText('全年共计拆除违法建筑154处。', ledger2016, { year: 2016 }).summary
 * // { supported: 1, contradicted: 0, unverified: 0 }
 */
export function checkText(
  text: string,
  ledger: readonly LedgerRecord[],
  options: CheckOptions = {},
): CheckResult {
  const pendingSpans = [...text.matchAll(pendingMarker)].map((m) => [m.index, m.index + m[0].length]);
  const isPending = (c: ExtractedClaim): boolean => pendingSpans.some(([s, e]) => c.start >= s && c.end <= e);
  const all = extractClaims(text);
  const claims = all.filter((c) => !isPending(c));
  const year = resolveYear(text, ledger, options.year);
  const index = indexLedger(ledger);
  const findings: (Finding | null)[] = claims.map((claim) => {
    if (year === null || ledger.length === 0) return null;
    return judgeDirect(claim, text, index, year);
  });
  const usable = ledger.length > 0 && year !== null;
  claims.forEach((claim, i) => {
    if (findings[i] && findings[i].verdict !== 'unverified') return;
    findings[i] = deriveFinding(claim, claims, text, usable ? index : null, year) ?? findings[i];
  });
  const internal = checkConsistency(claims, text, findings);
  const noLedger = ledger.length === 0 ? '未提供台账' : year === null ? '无法确定年度' : null;
  const checked = claims.map((claim, i) => {
    const settled = findings[i] && findings[i].verdict !== 'unverified' ? findings[i] : null;
    const finding =
      settled ??
      internal[i] ??
      findings[i] ??
      unverified(
        noLedger
          ? `${noLedger},无法核对。`
          : `台账中没有${year}年与“${claim.subject || claim.text}”对应的指标。`,
      );
    return toChecked(claim, finding);
  });
  // Last year's figures kept inside a 【待核实】 marker are the writer's to-do, not claims about this year.
  for (const claim of all.filter(isPending)) {
    checked.push(toChecked(claim, unverified('待核实标记中的上年数字:请填入本年数字后再核查。')));
  }
  checked.sort((a, b) => a.start - b.start);
  const summary = { supported: 0, contradicted: 0, unverified: 0 };
  for (const c of checked) summary[c.verdict]++;
  return { claims: checked, summary };
}
