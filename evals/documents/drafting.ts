/**
 * Drafting from a document (offline carry-forward, with its next year's ledger): every figure of the
 * draft outside a 【待核实…】 marker must be stated by the source or by the ledger. A figure carried
 * unchanged is stated by the source; a replaced one must be the ledger value (or a change or rate
 * computed from ledger values) of a metric that a gold figure of the source paragraph names (as its
 * `metric`, or as the `base` of a change) — a
 * ledger value put in place of a figure of another subject is a wrong substitution. Documents whose
 * gold names no metric are judged by value alone (any ledger value).
 */

import type { DraftParagraph } from '../../server/draft/index.ts';
import { allParagraphs, buildDraft } from '../../server/draft/index.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { type ExtractedClaim, extractClaims } from '../../server/figures/index.ts';
import { pendingSpans } from '../../server/marks/index.ts';
import { reportParagraphs } from '../../server/report/index.ts';
import { context } from './extraction.ts';
import type { DevDocument } from './load.ts';

/** Figures of a draft and the ones nobody stated. */
export interface DraftingScore {
  figures: number;
  wrong: number;
  failures: string[];
}

const within = (claim: ExtractedClaim, value: number): boolean =>
  claim.low - 1e-9 <= value && value <= claim.high + 1e-9;

/** Changes (%) and rates (%) the ledger's values give. */
function derived(records: readonly LedgerRecord[]): number[] {
  const out: number[] = [];
  for (const a of records) {
    for (const b of records) {
      if (a === b || b.value === 0) continue;
      if (a.metric === b.metric && a.year === b.year + 1) out.push((a.value / b.value - 1) * 100);
      if (a.year === b.year && a.unit === b.unit) out.push((a.value / b.value) * 100);
    }
  }
  return out;
}

/** The text with each pending marker blanked out (offsets kept). */
function withoutMarkers(text: string): string {
  let out = text;
  for (const m of pendingSpans(text))
    out = out.slice(0, m.start) + ' '.repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

/** True when a draft figure is stated by its source paragraph or by the ledger rows it may use. */
function grounded(claim: ExtractedClaim, source: ExtractedClaim[], rows: readonly LedgerRecord[]): boolean {
  if (source.some((s) => s.unit === claim.unit && Math.abs(s.value - claim.value) < 1e-9)) return true;
  if (rows.some((r) => within(claim, r.value))) return true;
  return (claim.unit === '%' || claim.unit === '个百分点') && derived(rows).some((v) => within(claim, v));
}

/** Scores one document's draft; null when it ships no ledgers. */
export function scoreDrafting(doc: DevDocument): DraftingScore | null {
  if (!doc.ledger || !doc.nextLedger) return null;
  const { report } = doc;
  const ledger = [...doc.ledger, ...doc.nextLedger];
  const year = Math.max(...doc.nextLedger.map((r) => r.year));
  const draft = buildDraft({ year, report, stored: false, ledger, ledgerSource: 'eval', id: 'eval' });
  const paragraphs = reportParagraphs(report);
  const byMetric = doc.figures.some((f) => f.metric !== undefined);
  const failures: string[] = [];
  let figures = 0;
  let wrong = 0;
  const judge = (p: DraftParagraph): void => {
    const source =
      p.sourceParagraph === null ? undefined : paragraphs.find((q) => q.index === p.sourceParagraph);
    const inSource = source
      ? doc.figures.filter((f) => f.start >= source.span.start && f.end <= source.span.end)
      : [];
    const metrics = new Set(inSource.flatMap((f) => [f.metric, f.base]).filter((m) => m != null));
    const rows = !byMetric || !source ? ledger : ledger.filter((r) => metrics.has(r.metric));
    const sourceClaims = source ? extractClaims(source.text) : [];
    const text = withoutMarkers(p.text);
    for (const claim of extractClaims(text)) {
      figures++;
      if (grounded(claim, sourceClaims, rows)) continue;
      wrong++;
      failures.push(
        `draft states ${claim.text} that neither the source nor the ledger states: “${context(text, claim)}”`,
      );
    }
  };
  allParagraphs(draft).forEach(judge);
  return { figures, wrong, failures };
}
