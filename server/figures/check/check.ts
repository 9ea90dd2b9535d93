/**
 * Checking a text: every claim extracted, matched to the ledger for the report's year and judged;
 * then derived checks (rates, changes, averages, sums, cumulative totals) for claims the ledger does
 * not state directly, and internal consistency for what the text says about itself.
 */

import { insideSpans, pendingLabel, pendingSpans } from '../../marks/index.ts';
import { foldTraditional } from '../../text/index.ts';
import type { ExtractedClaim } from '../claims/index.ts';
import { extractClaims, planSpans, reportYear } from '../claims/index.ts';
import type { Finding, LedgerIndex } from '../lookup/index.ts';
import {
  decideRecord,
  implausibleFigure,
  indexLedger,
  judgeAgainstRecord,
  unverified,
} from '../lookup/index.ts';
import { formatValue } from '../quantities/index.ts';
import type { CheckedClaim, CheckResult, LedgerRecord } from '../types.ts';
import { checkConsistency } from './consistency.ts';
import { deriveFinding } from './derived.ts';
import { oneFigurePerRecord } from './one-record.ts';

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

/** The paragraph of a claim from its start to the end of the claim's sentence. */
export function paragraphOf(text: string, claim: ExtractedClaim): string {
  return text.slice(text.lastIndexOf('\n', claim.sentenceStart) + 1, claim.sentenceEnd);
}

/** The clause of a claim from its start to the claim (its leading verb holds for every item listed). */
export function clauseOf(text: string, claim: ExtractedClaim): string {
  const before = text.slice(claim.sentenceStart, claim.start);
  const at = Math.max(...[',', ';', ':', '\uff0c', '\uff1b', '\uff1a'].map((m) => before.lastIndexOf(m)));
  return before.slice(at + 1);
}

/**
 * Decides the record one subject of a claim states and judges the claim against it. Not certain:
 * supported only when every candidate holds the figure, else unverified with the candidates —
 * never 不符. Null when the ledger has nothing for it.
 */
function judgeSubject(
  claim: ExtractedClaim,
  subject: string,
  text: string,
  index: LedgerIndex,
  year: number,
): Finding | null {
  const query = {
    subject,
    context: sentenceOf(text, claim),
    paragraph: paragraphOf(text, claim),
    clause: clauseOf(text, claim),
    unit: claim.unit,
    kind: claim.kind,
  };
  const decision = decideRecord(query, index, year);
  if (decision.record) return judgeAgainstRecord(claim, decision.record);
  if (decision.candidates.length === 0) return null;
  const names = decision.candidates.map((r) => r.metric);
  if (decision.certainty === 'uncertain') {
    const all = decision.candidates.map((r) => judgeAgainstRecord(claim, r));
    if (all.every((f) => f.verdict === 'supported') && all.every((f) => f.expected === all[0].expected)) {
      return { ...all[0], candidates: names };
    }
  }
  const values = decision.candidates.map((r) => `${r.metric}为${formatValue(r.value, r.unit)}`);
  return unverified(`${decision.reason},无法核对(可能对应:${values.join('、')})。`, names);
}

/** Direct ledger check of a claim: each of its subjects must hold (安置率和自谋职业率均为100%). */
function judgeDirect(claim: ExtractedClaim, text: string, index: LedgerIndex, year: number): Finding | null {
  const whole = judgeSubject(claim, claim.subject, text, index, year);
  if (claim.subjects.length <= 1) return whole;
  const parts = claim.subjects.map((s) => judgeSubject(claim, s, text, index, year));
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
    ...(finding.implausible ? { implausible: true as const } : {}),
  };
}

/**
 * Checks every figure of a text against the ledger: pure, synchronous, deterministic.
 * @example checkText('全年共计拆除违法建筑154处。', ledger2016, { year: 2016 }).summary
 * // { supported: 1, contradicted: 0, unverified: 0 }
 */
export function checkText(
  original: string,
  ledger: readonly LedgerRecord[],
  options: CheckOptions = {},
): CheckResult {
  // Matching reads Traditional characters as Simplified (same offsets); claims keep the text as written.
  const text = foldTraditional(original);
  const markers = pendingSpans(text);
  const isPending = (c: ExtractedClaim): boolean => insideSpans(markers, c.start, c.end);
  const plans = planSpans(text);
  const inPlan = (c: ExtractedClaim): boolean => plans.some((p) => c.start >= p.start && c.end <= p.end);
  const all = extractClaims(original);
  const claims = all.filter((c) => !isPending(c) && !inPlan(c));
  const year = resolveYear(text, ledger, options.year);
  const index = indexLedger(ledger);
  // A figure that cannot be true is its own finding, before any match: never a 不符 against the ledger.
  const flaws = claims.map((claim) => implausibleFigure(claim, claims, text));
  const matched: (Finding | null)[] = claims.map((claim, i) => {
    const direct = year === null || ledger.length === 0 ? null : judgeDirect(claim, text, index, year);
    const flaw = flaws[i];
    if (!flaw) return direct;
    // A certain 不符 stays one (the ledger says otherwise too); anything else is the flaw alone.
    if (direct?.verdict === 'contradicted') {
      return { ...direct, explanation: `${direct.explanation}且不合常理:${flaw}。`, implausible: true };
    }
    return { ...unverified(`不合常理:${flaw},请核实。`), implausible: true };
  });
  const findings = oneFigurePerRecord(claims, matched);
  const usable = ledger.length > 0 && year !== null;
  claims.forEach((claim, i) => {
    if (flaws[i] || (findings[i] && findings[i].verdict !== 'unverified')) return;
    findings[i] = deriveFinding(claim, claims, text, usable ? index : null, year) ?? findings[i];
  });
  const internal = checkConsistency(claims, text, findings);
  const noLedger = ledger.length === 0 ? '未提供台账' : year === null ? '无法确定年度' : null;
  const checked = claims.map((claim, i) => {
    const settled = findings[i] && (findings[i].verdict !== 'unverified' || flaws[i]) ? findings[i] : null;
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
  // The plan's figures are next year's targets: not facts of the year checked.
  for (const claim of all.filter((c) => !isPending(c) && inPlan(c))) {
    checked.push(toChecked(claim, unverified('工作计划中的目标数字,不与本年度台账核对。')));
  }
  // Last year's figures kept inside a 【待核实】 marker are the writer's to-do, not claims about this year.
  for (const claim of all.filter(isPending)) {
    checked.push(toChecked(claim, unverified(`${pendingLabel}标记中的上年数字:请填入本年数字后再核查。`)));
  }
  checked.sort((a, b) => a.start - b.start);
  const summary = { supported: 0, contradicted: 0, unverified: 0 };
  for (const c of checked) summary[c.verdict]++;
  const implausible = checked.filter((c) => c.implausible).length;
  return { claims: checked, summary: implausible > 0 ? { ...summary, implausible } : summary };
}
