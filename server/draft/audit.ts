/**
 * The audit of every change a draft makes to last year's figures: for each figure replaced,
 * recomputed, marked pending or added, the old text, the new text, the ledger rows used and the words
 * that made the match. Built when a figure is placed (from what the resolution found) and kept in the
 * figure, so it is saved with the draft and follows the paragraph through edits and restyling. Pure.
 */
import type { ExtractedClaim } from '../figures/claims.ts';
import type { LedgerIndex } from '../figures/match.ts';
import type { LedgerRecord } from '../figures/types.ts';
import { segment } from '../text/segment.ts';
import type { CarryYears, Resolution } from './resolve.ts';
import type { AuditRow, DraftFigure, FigureAudit, FigureStatus } from './types.ts';

/** One change of the draft, as `POST /api/draft` and `govdraft draft --json` list it. */
export interface AuditEntry {
  paragraphId: string;
  status: FigureStatus;
  /** Last year's figure as written; null for a metric new to the report. */
  old: string | null;
  /** The figure as the draft writes it (a 【待核实…】 marker when pending). */
  new: string;
  metric: string | null;
  rows: AuditRow[];
  subject: string;
  matchWords: string[];
}

/** A ledger record as an audit row. */
export function auditRow(record: LedgerRecord): AuditRow {
  const { source, metric, year, value, unit } = record;
  return { file: source.file, row: source.row, metric, year, value, unit };
}

const changeKinds = new Set(['yoy', 'pp', 'delta']);

/** The rows a resolution rests on: see FigureAudit.rows. */
function rowsOf(claim: ExtractedClaim, resolution: Resolution, index: LedgerIndex, years: CarryYears) {
  const find = (metric: string, year: number) =>
    index.records.find((e) => e.record.year === year && e.record.metric === metric)?.record;
  let wanted: [string, number][];
  if (resolution.status === 'pending') wanted = resolution.metric ? [[resolution.metric, years.from]] : [];
  else if (resolution.status === 'recomputed' && changeKinds.has(claim.kind) && resolution.metric)
    wanted = [
      [resolution.metric, years.to],
      [resolution.metric, years.to - 1],
    ];
  else if (resolution.status === 'updated' && resolution.metric)
    // This year's row, and last year's row of the same metric that identified the figure.
    wanted = [
      [resolution.metric, years.to],
      [resolution.metric, years.from],
    ];
  else wanted = resolution.used.map((m) => [m, years.to]);
  return wanted.flatMap(([metric, year]) => {
    const record = find(metric, year);
    return record ? [auditRow(record)] : [];
  });
}

/** The words of a metric's name that the subject or the sentence holds, in the name's order, none inside another. */
function wordsOf(metric: string, subject: string, sentence: string): string[] {
  const found = [...new Set(segment(metric))].filter(
    (w) => w.length > 1 && (subject.includes(w) || sentence.includes(w)),
  );
  return found.filter((w) => !found.some((other) => other !== w && other.includes(w)));
}

/** The audit of one of last year's figures carried forward. */
export function figureAudit(
  claim: ExtractedClaim,
  text: string,
  resolution: Resolution,
  index: LedgerIndex,
  years: CarryYears,
): FigureAudit {
  const rows = rowsOf(claim, resolution, index, years);
  const sentence = text.slice(claim.sentenceStart, claim.sentenceEnd);
  const metric = resolution.metric ?? rows[0]?.metric;
  return { rows, subject: claim.subject, matchWords: metric ? wordsOf(metric, claim.subject, sentence) : [] };
}

/** The audit of a figure written straight from a ledger row (a new metric, a figure for notes). */
export function rowAudit(record: LedgerRecord): FigureAudit {
  return { rows: [auditRow(record)], subject: '', matchWords: [] };
}

/** One figure of a paragraph as an audit entry. */
export function auditEntry(paragraphId: string, figure: DraftFigure): AuditEntry {
  return {
    paragraphId,
    status: figure.status,
    old: figure.previous ?? null,
    new: figure.text,
    metric: figure.metric,
    rows: figure.audit?.rows ?? [],
    subject: figure.audit?.subject ?? '',
    matchWords: figure.audit?.matchWords ?? [],
  };
}
