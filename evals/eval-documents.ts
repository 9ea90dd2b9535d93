/**
 * Documents eval (issue 9): the dev set of real documents of other offices (evals/data/documents/),
 * plus the seed. Per document and in total: title, office and year read right (both years of a
 * two-year title), headings right, web furniture kept out of the structure, extraction precision and
 * recall against the hand-made gold, non-figures reported, false 不符 on the correct texts (with no
 * ledger, and with the document's own ledger when it ships one), perturbations caught, and figures of
 * an offline draft that neither the source nor the ledger states. Every failure is printed with its
 * document. `npm run eval documents`; `DOCS=<part of an id>` narrows the set.
 */
import { type CheckingScore, scoreChecking } from './documents/checking.ts';
import { type DraftingScore, scoreDrafting } from './documents/drafting.ts';
import { type ExtractionScore, scoreExtraction } from './documents/extraction.ts';
import { type DevDocument, loadDocuments } from './documents/load.ts';
import { type ReadingScore, scoreReading, scoreReadingFullWidth } from './documents/reading.ts';
import type { EvalResult } from './types.ts';

/** Targets of issue 9. */
const target = { precision: 0.97, recall: 0.97 };

interface Scored {
  doc: DevDocument;
  reading: ReadingScore;
  /** The same document read with its punctuation full-width, as real files have it. */
  wide: ReadingScore;
  extraction: ExtractionScore;
  checking: CheckingScore;
  drafting: DraftingScore | null;
}

const mark = (ok: boolean | null): string => (ok === null ? '·' : ok ? '✓' : '✗');
/** Title, office, year and headings all read right. */
const readRight = (r: ReadingScore): boolean =>
  r.title && r.org && r.year && r.years !== false && r.parts && r.junkLeaks.length === 0;
const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** One line per document: what was read right and the figures' scores. */
function line(s: Scored): string {
  const { reading: r, extraction: e, checking: c, drafting: d } = s;
  const cells = [
    s.doc.id.padEnd(28),
    `${mark(r.title)}${mark(r.org)}${mark(r.year)}${mark(r.years)}`,
    `parts ${mark(r.parts)}`,
    `junk ${r.junkLeaks.length}`,
    `full-width ${mark(readRight(s.wide))}`,
    `R ${e.found}/${e.gold}`,
    `P ${e.correct}/${e.claims}`,
    `nonfig ${e.nonFiguresReported}`,
    `不符 ${c.falseNoLedger}${c.falseWithLedger === null ? '' : `+${c.falseWithLedger}`}`,
    c.variants === null ? '' : `caught ${c.caught}/${c.variants}`,
    d === null ? '' : `draft wrong ${d.wrong}/${d.figures}`,
  ];
  return cells.filter(Boolean).join('  ');
}

/** Runs the documents eval. */
export async function run(): Promise<EvalResult> {
  const documents = await loadDocuments(process.env.DOCS ?? '');
  const scored: Scored[] = documents.map((doc) => ({
    doc,
    reading: scoreReading(doc),
    wide: scoreReadingFullWidth(doc),
    extraction: scoreExtraction(doc),
    checking: scoreChecking(doc),
    drafting: scoreDrafting(doc),
  }));
  const sum = (f: (s: Scored) => number): number => scored.reduce((n, s) => n + f(s), 0);
  const count = (f: (s: Scored) => boolean): number => scored.filter(f).length;
  const metrics = {
    documents: scored.length,
    title: count((s) => s.reading.title),
    org: count((s) => s.reading.org),
    year: count((s) => s.reading.year),
    two_years: `${count((s) => s.reading.years === true)}/${count((s) => s.reading.years !== null)}`,
    parts: count((s) => s.reading.parts),
    junk_leaks: sum((s) => s.reading.junkLeaks.length),
    read_right_full_width: count((s) => readRight(s.wide)),
    gold_figures: sum((s) => s.extraction.gold),
    recall: ratio(
      sum((s) => s.extraction.found),
      sum((s) => s.extraction.gold),
    ),
    precision: ratio(
      sum((s) => s.extraction.correct),
      sum((s) => s.extraction.claims),
    ),
    non_figures_reported: sum((s) => s.extraction.nonFiguresReported),
    false_contradictions: sum((s) => s.checking.falseNoLedger + (s.checking.falseWithLedger ?? 0)),
    perturbations_caught: `${sum((s) => s.checking.caught)}/${sum((s) => s.checking.variants ?? 0)}`,
    draft_wrong_figures: sum((s) => s.drafting?.wrong ?? 0),
  };
  const details = [
    'per document: title org year years · parts · junk leaks · read right when full-width · recall · precision · non-figures · false 不符 (no ledger + own ledger) · perturbations · draft',
    ...scored.map(line),
  ];
  for (const s of scored) {
    const failures = [
      ...s.doc.problems.map((p) => `gold: ${p}`),
      ...s.reading.failures,
      ...s.wide.failures,
      ...s.extraction.failures,
      ...s.checking.failures,
      ...(s.drafting?.failures ?? []),
    ];
    if (failures.length > 0) details.push('', `${s.doc.id}:`, ...failures.map((f) => `  ${f}`));
  }
  const all = scored.length;
  return {
    name: `documents (dev set, ${all} documents)`,
    metrics,
    pass:
      metrics.title === all &&
      metrics.org === all &&
      metrics.year === all &&
      scored.every((s) => s.reading.years !== false) &&
      metrics.parts === all &&
      metrics.junk_leaks === 0 &&
      metrics.read_right_full_width === all &&
      metrics.recall >= target.recall &&
      metrics.precision >= target.precision &&
      metrics.non_figures_reported === 0 &&
      metrics.false_contradictions === 0 &&
      sum((s) => s.checking.caught) === sum((s) => s.checking.variants ?? 0) &&
      metrics.draft_wrong_figures === 0,
    details,
  };
}
