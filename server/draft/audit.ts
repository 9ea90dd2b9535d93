/**
 * The audit of every change a draft makes to last year's figures: for each figure replaced,
 * recomputed, marked pending or added, the old text, the new text, the ledger rows used and the words
 * that made the match. Built when a figure is placed (from what the resolution found) and kept in the
 * figure, so it is saved with the draft and follows the paragraph through edits and restyling. Pure.
 */
import type { ExtractedClaim, LedgerRecord } from '../figures/index.ts';
import type { Resolution } from './resolve.ts';
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
  /** Why a pending figure got no value, in Chinese; '' when there is nothing to say. */
  reason: string;
}

/** A ledger record as an audit row. */
export function auditRow(record: LedgerRecord): AuditRow {
  const { source, metric, year, value, unit } = record;
  return { file: source.file, row: source.row, metric, year, value, unit };
}

/**
 * The audit of one of last year's figures carried forward: the rows its resolution rests on and the
 * words that made the match, as the figures engine's lookup decided them (no second matching here).
 */
export function figureAudit(claim: ExtractedClaim, resolution: Resolution): FigureAudit {
  const rows = resolution.basis.map((b) => auditRow(b.record));
  const matchWords = [...new Set(resolution.basis.flatMap((b) => b.words))];
  const reason = resolution.status === 'pending' ? resolution.reason : '';
  return { rows, subject: claim.subject, matchWords, ...(reason ? { reason } : {}) };
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
    reason: figure.audit?.reason ?? '',
  };
}
