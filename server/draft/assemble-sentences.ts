/**
 * This year's material sentences made ready for a draft: put in the report's voice, their figures
 * checked against the draft's ledger — a figure the ledger contradicts is not used: the ledger's
 * value takes its place when the checker then agrees, else the sentence is left out — and every
 * figure recorded with its status and metric. Pure.
 */

import type { CheckedClaim, LedgerRecord } from '../figures/index.ts';
import { checkText, formatLike, formatValue } from '../figures/index.ts';
import { reportVoice } from '../materials/index.ts';
import type { MaterialChunk } from '../store/index.ts';
import type { MaterialConflictUse } from './trace-types.ts';
import type { DraftFigure } from './types.ts';

/** A material sentence as the draft may use it. */
export interface ReadySentence {
  chunk: MaterialChunk;
  /** The sentence in the report's voice, figures as the ledger allows. */
  text: string;
  figures: DraftFigure[];
  /** Ledger metrics its figures state (checked: supported, or corrected to the ledger). */
  metrics: string[];
  notes: string[];
  /** Near-identical sentences of other materials folded into this one. */
  merged: MaterialChunk[];
}

/** What preparing the sentences found. */
export interface Prepared {
  sentences: ReadySentence[];
  conflicts: MaterialConflictUse[];
  /** Sentences left out, with why. */
  dropped: { chunk: MaterialChunk; reason: string }[];
}

/** Where a figure's number starts: a leading 达/达到 stays outside the replacement (完成率达128.3%). */
function written(claim: CheckedClaim): { start: number; text: string } {
  const lead = claim.kind === 'rank' ? '' : (/^(达到|达)/.exec(claim.text)?.[0] ?? '');
  return { start: claim.start + lead.length, text: claim.text.slice(lead.length) };
}

/** A figure rewritten with the ledger's value: where it now stands, and what the material wrote. */
interface Fixed {
  start: number;
  end: number;
  previous: string;
}

/** The text with every contradicted figure written with the ledger's value, when the ledger has one. */
function ledgerWins(text: string, claims: readonly CheckedClaim[]): { text: string; fixed: Fixed[] } {
  let out = '';
  let cursor = 0;
  const fixed: Fixed[] = [];
  for (const claim of claims) {
    if (claim.verdict !== 'contradicted' || claim.expected === null) continue;
    const { start, text: figure } = written(claim);
    out += text.slice(cursor, start);
    const replacement = formatLike(claim.expected, figure);
    fixed.push({ start: out.length, end: out.length + replacement.length, previous: figure });
    out += replacement;
    cursor = claim.end;
  }
  return { text: out + text.slice(cursor), fixed };
}

/** The conflict record of a contradicted figure. */
function conflictOf(chunk: MaterialChunk, claim: CheckedClaim, action: MaterialConflictUse['action']) {
  return {
    materialId: chunk.materialId,
    fileName: chunk.fileName,
    department: chunk.department,
    sentence: chunk.text,
    figure: claim.text,
    ledger: claim.expected === null ? null : formatValue(claim.expected, claim.unit),
    source: claim.source,
    action,
  };
}

/** Years after the draft's, or 明年: a sentence about them says what is planned, not what was done. */
function speaksOfLater(text: string, year: number): boolean {
  if (/明年|下一年/.test(text)) return true;
  return [...text.matchAll(/(?<!\d)(\d{4})\s*年/g)].some((m) => Number(m[1]) > year);
}

/** One sentence made ready, or why it cannot be used. */
function prepare(
  chunk: MaterialChunk,
  ledger: readonly LedgerRecord[],
  year: number,
  conflicts: MaterialConflictUse[],
): ReadySentence | string {
  if (speaksOfLater(chunk.text, year))
    return '\u8BF4\u7684\u662F\u4EE5\u540E\u7684\u6253\u7B97\uFF0C\u4E0D\u662F\u4ECA\u5E74\u505A\u4E86\u4EC0\u4E48';
  const voiced = reportVoice(chunk.text, chunk.department);
  const first = checkText(voiced.text, ledger, { year });
  const wrong = first.claims.filter((c) => c.verdict === 'contradicted');
  const { text, fixed } = ledgerWins(voiced.text, wrong);
  const check = fixed.length > 0 ? checkText(text, ledger, { year }) : first;
  if (check.summary.contradicted > 0) {
    for (const c of wrong) conflicts.push(conflictOf(chunk, c, 'dropped'));
    return '数字与台账不符\uFF0C且无法按台账改正';
  }
  const notes = [...voiced.notes];
  for (const c of wrong) {
    conflicts.push(conflictOf(chunk, c, 'corrected'));
    notes.push(
      `材料写作“${c.text}”\uFF0C与台账不符\uFF0C按台账\uFF08${c.source ?? ''}\uFF09改为“${formatValue(c.expected ?? 0, c.unit)}”`,
    );
  }
  const figures: DraftFigure[] = check.claims.map((c) => {
    const corrected = fixed.find((f) => f.start < c.end && c.start < f.end);
    return {
      start: c.start,
      end: c.end,
      text: c.text,
      metric: c.metric,
      status: corrected ? 'updated' : 'material',
      ...(corrected ? { previous: corrected.previous } : {}),
      value: c.value,
      unit: c.unit,
    };
  });
  const metrics = check.claims.flatMap((c) =>
    c.verdict === 'supported' && c.metric ? c.metric.split('、') : [],
  );
  return { chunk, text, figures, metrics: [...new Set(metrics)], notes, merged: [] };
}

/**
 * The material sentences of work done, ready for the draft, with the conflicts with the ledger and
 * the sentences left out. `ledger` holds the draft's year (and the year before, for changes).
 */
export function prepareSentences(
  chunks: readonly MaterialChunk[],
  ledger: readonly LedgerRecord[],
  year: number,
): Prepared {
  const out: Prepared = { sentences: [], conflicts: [], dropped: [] };
  for (const chunk of chunks) {
    if (chunk.kind !== 'content') continue;
    const ready = prepare(chunk, ledger, year, out.conflicts);
    if (typeof ready === 'string') out.dropped.push({ chunk, reason: ready });
    else out.sentences.push(ready);
  }
  return out;
}
