/**
 * The numeric guard on model answers: every figure the model writes (found by the figures engine's
 * claim extractor) must be one the passages it cites state, or one the ledger supports; the rest are
 * ungrounded. Also the guard against an answer that repeats the system prompt. Pure.
 */

import type { CheckedClaim, LedgerRecord } from '../figures/index.ts';
import {
  checkText,
  type ExtractedClaim,
  extractClaims,
  sourceOf,
  unitsCompatible,
} from '../figures/index.ts';
import type { FigureJudge } from '../stream/index.ts';
import { splitSentences } from '../text/index.ts';
import type { AnswerFigure } from './types.ts';

/** A passage the model was given, by its number. */
export interface NumberedText {
  n: number;
  text: string;
  /** The year of the report the passage comes from (0 when unknown). */
  year: number;
}

/** One figure of a model answer and what grounds it. */
export interface GroundedClaim {
  claim: ExtractedClaim;
  /** The passage number that states it, or null. */
  citation: number | null;
  /** The ledger row that supports it, or null. */
  record: LedgerRecord | null;
  /** Why the ledger contradicts it (a passage can be wrong, or planted), or null. */
  contradiction: string | null;
}

/** The [n] references of an answer, in order of first use. */
export function citedNumbers(answer: string): number[] {
  return [...new Set([...answer.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])))];
}

const sameValue = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Grounds every figure of an answer: in the passages it cites (all given passages when it cites
 * none), else in the ledger of `year` through the figures engine's checker. A figure the ledger of
 * its passage's year contradicts is not grounded, whatever the passage says: passages are data, and
 * data can be wrong or planted.
 */
export function groundClaims(
  answer: string,
  passages: readonly NumberedText[],
  ledger: readonly LedgerRecord[],
  year: number | null,
): GroundedClaim[] {
  const claims = extractClaims(answer);
  if (claims.length === 0) return [];
  const cited = new Set(citedNumbers(answer));
  const pool = passages.filter((p) => cited.size === 0 || cited.has(p.n));
  const stated = pool.flatMap((p) => extractClaims(p.text).map((c) => ({ p, c })));
  const checks = new Map<number, CheckedClaim[]>();
  const checkedIn = (y: number | null): CheckedClaim[] => {
    if (!y || ledger.length === 0) return [];
    if (!checks.has(y)) checks.set(y, checkText(answer, ledger, { year: y }).claims);
    return checks.get(y) ?? [];
  };
  return claims.map((claim) => {
    const inPassage = stated.find(
      ({ c }) => unitsCompatible(c.unit, claim.unit) && sameValue(c.value, claim.value),
    );
    if (inPassage) {
      const verdict = checkedIn(inPassage.p.year).find((c) => c.start === claim.start);
      const contradiction = verdict?.verdict === 'contradicted' ? verdict.explanation : null;
      return { claim, citation: inPassage.p.n, record: null, contradiction };
    }
    const verdict = checkedIn(year).find((c) => c.start === claim.start && c.verdict === 'supported');
    const metrics = verdict?.metric?.split('、') ?? [];
    const record = ledger.find((r) => r.year === year && metrics.includes(r.metric)) ?? null;
    return { claim, citation: null, record, contradiction: null };
  });
}

/** True when nothing grounds the claim, or the ledger contradicts it. */
export const isUngrounded = (g: GroundedClaim): boolean =>
  g.contradiction !== null || (g.citation === null && g.record === null);

/** True once the sentence holding a figure has ended in `text` (later clauses can change no verdict). */
const sentenceEnded = (text: string, end: number): boolean =>
  /[\u3002!?;\n\uFF01\uFF1F\uFF1B]/.test(text.slice(end));

/**
 * The judge of a streamed answer's figures, by the rule groundClaims applies to the whole answer: a
 * figure is shown once its sentence has ended and it is grounded for good — supported by the ledger,
 * or stated in a passage the answer already cites (later citations only widen the pool) — and hidden
 * when the ledger contradicts it or, with nothing cited yet, no passage states it. Otherwise it waits,
 * at the latest for the whole answer to be judged.
 */
export function groundingJudge(
  passages: readonly NumberedText[],
  ledger: readonly LedgerRecord[],
  year: number | null,
): FigureJudge {
  return (text, figure, done) => {
    const grounded = groundClaims(text, passages, ledger, year).find((g) => g.claim.start === figure.start);
    if (done) return grounded && !isUngrounded(grounded) ? 'show' : 'hide';
    if (!grounded || !sentenceEnded(text, figure.end)) return 'wait';
    if (grounded.contradiction) return 'hide';
    if (grounded.record) return 'show';
    const cited = citedNumbers(text);
    if (grounded.citation !== null) return cited.includes(grounded.citation) ? 'show' : 'wait';
    return cited.length === 0 ? 'hide' : 'wait';
  };
}

/** The figure entries of a model answer (an ungrounded one marked grounded: false). */
export function answerFigures(grounded: readonly GroundedClaim[], year: number | null): AnswerFigure[] {
  return grounded.map(({ claim, citation, record, contradiction }) => ({
    text: claim.text,
    value: claim.value,
    unit: claim.unit,
    origin: record ? 'ledger' : 'passage',
    year: record?.year ?? year,
    metric: record?.metric ?? null,
    source: record ? sourceOf(record) : citation !== null ? `[${citation}]` : null,
    ...(citation !== null ? { citation } : {}),
    grounded: contradiction === null && (citation !== null || record !== null),
    ...(contradiction ? { contradiction } : {}),
  }));
}

/** Runs of this many characters copied from the system prompt count as a leak. */
const leakWindow = 16;

/**
 * The answer without the sentences that copy the system prompt (a prompt-injection symptom), and
 * whether any were removed.
 */
export function removePromptLeak(answer: string, system: string): { text: string; leaked: boolean } {
  const windows = new Set<string>();
  const flat = system.replace(/\s+/g, '');
  for (let i = 0; i + leakWindow <= flat.length; i++) windows.add(flat.slice(i, i + leakWindow));
  const leaks = (s: string): boolean => {
    const t = s.replace(/\s+/g, '');
    for (let i = 0; i + leakWindow <= t.length; i++) if (windows.has(t.slice(i, i + leakWindow))) return true;
    return false;
  };
  const spans = splitSentences(answer);
  const leaked = spans.filter((s) => leaks(answer.slice(s.start, s.end)));
  if (leaked.length === 0) return { text: answer, leaked: false };
  let text = answer;
  for (const s of [...leaked].reverse()) text = text.slice(0, s.start) + text.slice(s.end);
  return { text: text.replace(/\n{3,}/g, '\n\n').trim(), leaked: true };
}
