/**
 * Building the draft of a new year from last year's report and the ledger: every paragraph carried
 * forward and checked (carryChecked),
 * metrics new to the report placed as short sentences after the paragraph they fit best, parts
 * renumbered. Pure and deterministic apart from the id and timestamps.
 */
import { randomBytes } from 'node:crypto';
import type { LedgerRecord } from '../figures/index.ts';
import { checkText, indexLedger } from '../figures/index.ts';
import { countPending, unmarkYearBound } from '../marks/index.ts';
import type { Paragraph, Report } from '../report/index.ts';
import { topicSentence } from '../report/index.ts';
import { assembleMaterials, type MaterialsInput } from './assemble.ts';
import { rowAudit } from './audit.ts';
import { carryChecked } from './carry-forward.ts';
import { appendMetric, metricSentence, placeMetrics } from './new-metrics.ts';
import { planPart } from './plan.ts';
import { renumberParts } from './renumber.ts';
import type { CarryYears } from './resolve.ts';
import { traceDraft } from './trace-draft.ts';
import {
  type Draft,
  type DraftParagraph,
  type DraftPart,
  draftSchemaVersion,
  type NewMetric,
} from './types.ts';
import { moveTitleYears, moveYears } from './years.ts';

/** What a draft is built from. */
export interface BuildInputs {
  /** The year to draft. */
  year: number;
  /** Last year's report. */
  report: Report;
  /** Whether the report is stored (its id then names it in the draft). */
  stored: boolean;
  /** Ledger records of the new year and the year before (others are ignored). */
  ledger: readonly LedgerRecord[];
  ledgerSource: string;
  /** This year's materials: the parts' content comes from them (see assemble.ts). */
  materials?: MaterialsInput;
  /** Fixed id and clock, for reproducible output. */
  id?: string;
  now?: Date;
}

/** A new draft id: d2017-<time>-<random>, safe as a file name. */
export function newDraftId(year: number, now = new Date()): string {
  return `d${year}-${now.getTime().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Builds the draft: see the module comment. */
export function buildDraft(inputs: BuildInputs): Draft {
  const { year, report } = inputs;
  const fromYear = report.year ?? year - 1;
  const years: CarryYears = { from: fromYear, to: year };
  const ledger = inputs.ledger.filter((r) => r.year === year || r.year === year - 1 || r.year === fromYear);
  const index = indexLedger(ledger);
  const used = new Set<string>();

  const carry = (p: Paragraph): DraftParagraph => {
    const carried = carryChecked(p.text, ledger, index, years);
    for (const metric of carried.used) used.add(metric);
    return {
      id: `p${p.index}`,
      text: carried.text,
      topic: topicSentence(carried.text),
      origin: 'carry-forward',
      sourceParagraph: p.index,
      sourceText: p.text,
      figures: carried.figures,
      pending: countPending(carried.text),
    };
  };

  const preamble = report.preamble.map(carry);
  const partsIntro = report.partsIntro ? carry(report.partsIntro) : null;
  const carried: DraftPart[] = report.parts
    .filter((part) => part.kind !== 'plan')
    .map((part) => ({
      id: `part-${part.number}`,
      marker: part.marker,
      title: moveYears(part.title, fromYear, year),
      sourcePart: part.number,
      paragraphs: part.paragraphs.map(carry),
      newMetrics: [],
    }));
  const assembled = inputs.materials ? assembleMaterials(carried, inputs.materials, ledger, year) : null;
  for (const metric of assembled?.metrics ?? []) used.add(metric);
  const parts = assembled?.parts ?? carried;
  const closing = report.closing.map(carry);
  const newMetrics = placeNewMetrics(
    ledger.filter((r) => r.year === year && !used.has(r.metric)),
    parts,
    ledger,
    year,
  );
  const plan = planPart(report, fromYear, year);
  const now = (inputs.now ?? new Date()).toISOString();
  const title = report.title.includes(String(fromYear))
    ? moveTitleYears(report.title, fromYear, year)
    : `${report.org ?? ''}${year}年工作总结`;
  const draft: Draft = {
    schemaVersion: draftSchemaVersion,
    id: inputs.id ?? newDraftId(year, inputs.now),
    year,
    org: report.org,
    title,
    fromReportId: inputs.stored ? report.id : null,
    fromTitle: report.title,
    fromYear: report.year,
    ...(assembled ? { materials: assembled.materials } : {}),
    preamble,
    partsIntro,
    parts: plan ? [...parts, plan] : parts,
    closing,
    footnotes: report.footnotes.map((f) => ({ mark: f.mark, text: moveYears(f.text, fromYear, year) })),
    newMetrics,
    ledger: [...ledger],
    ledgerSource: inputs.ledgerSource,
    ledgerMissing: !ledger.some((r) => r.year === year),
    createdAt: now,
    updatedAt: now,
  };
  const numbered = renumberParts(draft);
  // Traced once numbered: renumbering rewrites the parts' intro (主要开展了以下七方面工作).
  return assembled ? traceDraft(numbered) : numbered;
}

/**
 * The new-metrics paragraph holding the sentences of some metrics; a sentence the checker would not
 * read back as its metric's value stays out of the text (the metric is still listed for the writer).
 */
function newMetricsParagraph(
  id: string,
  metrics: readonly NewMetric[],
  ledger: readonly LedgerRecord[],
  year: number,
): DraftParagraph {
  let text = '';
  const figures: DraftParagraph['figures'] = [];
  for (const m of metrics) {
    if (checkText(m.sentence, ledger, { year }).summary.contradicted > 0) continue;
    const record = ledger.find((r) => r.year === year && r.metric === m.metric);
    text = appendMetric(text, figures, m, m.sentence, 'new', record && rowAudit(record));
  }
  return {
    id,
    text,
    topic: null,
    origin: 'new-metrics',
    sourceParagraph: null,
    sourceText: null,
    figures,
    pending: 0,
  };
}

/**
 * Places the records as NewMetric suggestions and writes them into the parts (mutating `parts`): one
 * new-metrics paragraph right after each paragraph some metrics fit best; metrics that fit nothing
 * go at the end of the last part.
 */
function placeNewMetrics(
  records: readonly LedgerRecord[],
  parts: DraftPart[],
  ledger: readonly LedgerRecord[],
  year: number,
): NewMetric[] {
  if (parts.length === 0 || records.length === 0) return [];
  const targets = parts.flatMap((part) =>
    part.paragraphs.map((p) => ({
      partId: part.id,
      paragraphId: p.id,
      // The marks' own words say nothing about where a metric fits.
      text: `${part.title}\n${unmarkYearBound(p.text)}`,
    })),
  );
  const placements = placeMetrics(records, targets);
  const last = parts[parts.length - 1];
  const metrics: NewMetric[] = records.map((record, i) => ({
    metric: record.metric,
    value: record.value,
    unit: record.unit,
    sentence: metricSentence(record),
    partId: placements[i].partId ?? last.id,
    paragraphId: placements[i].paragraphId,
    score: Number(placements[i].score.toFixed(3)),
  }));
  for (const part of parts) {
    part.newMetrics = metrics.filter((m) => m.partId === part.id);
    const after = new Map<string | null, NewMetric[]>();
    for (const m of part.newMetrics) after.set(m.paragraphId, [...(after.get(m.paragraphId) ?? []), m]);
    const paragraphs: DraftParagraph[] = [];
    let k = 0;
    const add = (group: NewMetric[] | undefined): void => {
      if (!group?.length) return;
      const paragraph = newMetricsParagraph(`new-${part.sourcePart ?? part.id}-${++k}`, group, ledger, year);
      if (paragraph.text) paragraphs.push(paragraph);
    };
    for (const p of part.paragraphs) {
      paragraphs.push(p);
      add(after.get(p.id));
    }
    add(after.get(null));
    part.paragraphs = paragraphs;
  }
  return metrics;
}
