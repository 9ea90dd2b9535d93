/**
 * Sentence traces of a draft's paragraphs: built for what the engine wrote (last year's text carried
 * forward, a metric's sentence from the ledger), kept true to the text after an edit (sentences found
 * again, or gone), and completed for showing: a sentence no trace covers is the writer's, or —
 * in a draft saved before traces existed — derived from how the paragraph was made. Pure.
 */
import type { LedgerRecord } from '../figures/index.ts';
import type { Span } from '../text/index.ts';
import { splitSentences } from '../text/index.ts';
import type { SentenceTrace, TraceOrigin, TraceSource } from './trace-types.ts';
import type { DraftFigure, DraftParagraph } from './types.ts';

/** The ledger rows a sentence's figures come from (this year's, and last year's for a recomputed change). */
export function ledgerSources(
  figures: readonly DraftFigure[],
  ledger: readonly LedgerRecord[],
  year: number,
): TraceSource[] {
  const out: TraceSource[] = [];
  for (const f of figures) {
    if (f.status === 'pending' || !f.metric) continue;
    const years = f.status === 'recomputed' ? [year, year - 1] : [year];
    for (const metric of f.metric.split('、')) {
      for (const r of ledger.filter((r) => r.metric === metric && years.includes(r.year))) {
        if (out.some((s) => s.kind === 'ledger' && s.metric === r.metric && s.year === r.year)) continue;
        out.push({ kind: 'ledger', year: r.year, metric: r.metric, file: r.source.file, row: r.source.row });
      }
    }
  }
  return out;
}

/** The figures of a paragraph inside a span, their offsets made relative to the span's start. */
export function figuresIn(figures: readonly DraftFigure[], span: Span): DraftFigure[] {
  return figures
    .filter((f) => f.start >= span.start && f.end <= span.end)
    .map((f) => ({ ...f, start: f.start - span.start, end: f.end - span.start }));
}

/** The trace of a paragraph the engine carried from last year, sentence by sentence. */
export function carriedTrace(
  paragraph: DraftParagraph,
  ledger: readonly LedgerRecord[],
  year: number,
): SentenceTrace[] {
  const spans = splitSentences(paragraph.text);
  const before = paragraph.sourceText ? splitSentences(paragraph.sourceText) : [];
  const aligned = before.length === spans.length;
  return spans.map((span, i) => {
    const sources: TraceSource[] = [];
    if (paragraph.sourceParagraph !== null && paragraph.sourceText !== null) {
      const text = aligned
        ? paragraph.sourceText.slice(before[i].start, before[i].end)
        : paragraph.sourceText;
      sources.push({ kind: 'previous', paragraph: paragraph.sourceParagraph, text });
    }
    sources.push(...ledgerSources(figuresIn(paragraph.figures, span), ledger, year));
    const origin: TraceOrigin = paragraph.origin === 'new-metrics' ? 'ledger' : 'carried';
    return { ...span, text: paragraph.text.slice(span.start, span.end), origin, sources, notes: [] };
  });
}

/**
 * The trace of a paragraph after its text changed: each traced sentence found again (in order,
 * nearest its old place first); sentences no longer in the text are dropped.
 */
export function relocateTrace(text: string, trace: readonly SentenceTrace[]): SentenceTrace[] {
  const out: SentenceTrace[] = [];
  let cursor = 0;
  for (const t of trace) {
    const at = t.start >= cursor && text.startsWith(t.text, t.start) ? t.start : text.indexOf(t.text, cursor);
    if (at < 0 || t.text.length === 0) continue;
    out.push({ ...t, start: at, end: at + t.text.length });
    cursor = at + t.text.length;
  }
  return out;
}

/**
 * Every sentence of a paragraph with where it came from, for showing: its stored trace, else one
 * derived from how it was made (drafts saved before traces existed); sentences no trace covers are
 * the writer's.
 */
export function paragraphTrace(
  paragraph: DraftParagraph,
  ledger: readonly LedgerRecord[],
  year: number,
): SentenceTrace[] {
  const derivable = paragraph.origin === 'carry-forward' || paragraph.origin === 'new-metrics';
  const known = paragraph.trace ?? (derivable ? carriedTrace(paragraph, ledger, year) : []);
  const traced = relocateTrace(paragraph.text, known);
  const out = [...traced];
  for (const span of splitSentences(paragraph.text)) {
    if (traced.some((t) => t.start < span.end && span.start < t.end)) continue;
    const text = paragraph.text.slice(span.start, span.end);
    out.push({ ...span, text, origin: 'writer', sources: [], notes: [] });
  }
  return out.sort((a, b) => a.start - b.start);
}
