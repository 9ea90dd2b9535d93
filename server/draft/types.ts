/**
 * The draft document: next year's summary as the writer and the terminal workspace edit it — the
 * report's shape (title, preamble, six parts, closing, footnotes) with, for every paragraph, where
 * its text came from and which figures the engine placed in it. JSON-safe: saved as is under
 * `<dataDir>/drafts/<id>.json` and sent as is through the API.
 */
import type { CheckResult, LedgerRecord } from '../figures/index.ts';
import type { GuardedEvent, GuardedReason } from '../guarded/index.ts';
import type { DraftMaterials, SentenceTrace } from './trace-types.ts';

/** The version of this shape; bumped only by a change old clients cannot read. */
export const draftSchemaVersion = 1;

/**
 * Who wrote a paragraph's current text: the carry-forward engine (last year's text with this year's
 * figures), the model (restyled under the numeric guard), the writer (edited or written by hand),
 * the engine's sentences for ledger metrics last year's text never mentioned, the engine's assembly
 * of this year's materials, or an item of last year's plan kept as written for the writer to replace
 * (〖上年计划：…〗, not carried forward).
 */
export type ParagraphOrigin = 'carry-forward' | 'model' | 'writer' | 'new-metrics' | 'materials' | 'plan';

/**
 * What the engine did with one figure: `updated` — this year's ledger value of the same metric;
 * `recomputed` — derived from two years' values (同比, 百分点, 比上年增加) or a rate from its parts;
 * `pending` — no value for this year, kept as 【待核实:上年为X】; `new` — a metric new to the report;
 * `material` — as this year's material wrote it (the ledger agrees, or has no such metric).
 */
export type FigureStatus = 'updated' | 'recomputed' | 'pending' | 'new' | 'material';

/** A ledger row as the audit names it: where it is, what it says. */
export interface AuditRow {
  file: string;
  /** 1-based row of the file (0 for rows sent in a request). */
  row: number;
  metric: string;
  year: number;
  /** In base units of `unit`. */
  value: number;
  unit: string;
}

/** Why the engine wrote a figure as it did: the rows it used and what made the match. */
export interface FigureAudit {
  /**
   * The ledger rows the value was taken from (with last year's row of the metric, which identified
   * the figure) or computed from (both years for a change, the parts for a rate); for a pending
   * figure, last year's row that identified its metric. Empty when no row matched.
   */
  rows: AuditRow[];
  /** What last year's figure counts, as the figures engine read its sentence (拆除违法建筑); '' for new metrics. */
  subject: string;
  /**
   * The words that made the match: the words of the metric's name the figure's subject or sentence
   * holds (拆除, 违法, 建筑), in the name's order; empty when nothing was matched.
   */
  matchWords: string[];
  /** Why a pending figure got no value, in Chinese (台账中有多个指标与此匹配…); absent when there is nothing to say. */
  reason?: string;
}

/** One figure the engine placed in a paragraph. */
export interface DraftFigure {
  /** Span in the paragraph's text (UTF-16 offsets); for `pending`, the whole 【待核实…】 marker. */
  start: number;
  end: number;
  /** text.slice(start, end): the figure as written (3600余次, 同比下降12%, 【待核实:上年为4280平方米】). */
  text: string;
  /** The ledger metric it states (or, for a recomputed change, the level metric it was computed from). */
  metric: string | null;
  status: FigureStatus;
  /** Last year's figure as written (3400余次), for every figure carried from last year's text. */
  previous?: string;
  /** This year's value in base units; null when pending. */
  value: number | null;
  /** Canonical unit of `value` (元, 平方米, 人次, %, 个百分点…). */
  unit: string;
  /** The audit of the change; absent in drafts saved before it existed and for figures placed by hand. */
  audit?: FigureAudit;
}

/** One paragraph of the draft. */
export interface DraftParagraph {
  /** Stable id: `p<n>` for last year's paragraph n, `new-<part>-<k>` for new-metric paragraphs; any unique string for paragraphs the writer adds. */
  id: string;
  text: string;
  /** The topic sentence that opens the paragraph (丰富为老服务内涵。), or null. */
  topic: string | null;
  origin: ParagraphOrigin;
  /** Index of last year's paragraph this one was carried from (Paragraph.index), or null. */
  sourceParagraph: number | null;
  /** Last year's paragraph text, kept so the paragraph can be carried forward again and compared. */
  sourceText: string | null;
  /** The figures the engine placed, in text order; figures the writer typed are not listed (the checker sees them). */
  figures: DraftFigure[];
  /** How many 【待核实…】 markers the text still holds. */
  pending: number;
  /** Where each sentence comes from; absent in drafts saved before traces existed. */
  trace?: SentenceTrace[];
}

/** A ledger metric last year's text never mentioned, with where it fits and a ready sentence. */
export interface NewMetric {
  metric: string;
  /** Value in base units and its canonical unit. */
  value: number;
  unit: string;
  /** The sentence in the writer's style: 全年新增社区食堂2个。 */
  sentence: string;
  /** Suggested part (DraftPart.id) and paragraph (DraftParagraph.id) by name overlap; null when nothing fits. */
  partId: string | null;
  paragraphId: string | null;
  /** Overlap score of the suggestion, 0–1 (0: no word in common, placed in the last part). */
  score: number;
}

/** One of the numbered parts (一)…(六). */
export interface DraftPart {
  /** Stable id: `part-<n>` for last year's part n; any unique string for parts the writer adds. */
  id: string;
  /** The heading marker, renumbered in order on save: (一), (二)… in last year's bracket style. */
  marker: string;
  /** Heading without the marker: 注重保障民生,公共服务能级提升. */
  title: string;
  /** Last year's part number (1-based) this part was carried from, or null. */
  sourcePart: number | null;
  /**
   * 'plan': last year's plan section kept for the writer (its items marked 〖上年计划：…〗), not this
   * year's work — never renumbered among the parts nor given new metrics. Absent: a part of the work.
   */
  kind?: 'plan';
  paragraphs: DraftParagraph[];
  /** New metrics suggested for this part (their sentences are already in a `new-metrics` paragraph). */
  newMetrics: NewMetric[];
  /** A part proposed for materials that fit no part of last year's structure, for the writer to keep or fold in. */
  candidate?: boolean;
}

export interface DraftFootnote {
  mark: number;
  text: string;
}

/** The draft of a year's summary. */
export interface Draft {
  schemaVersion: typeof draftSchemaVersion;
  /** `d<year>-<time>-<random>`; also the workspace file name. */
  id: string;
  /** The year the draft reports on. */
  year: number;
  org: string | null;
  /** 甘泉路街道2017年工作总结. */
  title: string;
  /** The stored report it was carried from (null when given as a file), its title and year. */
  fromReportId: string | null;
  fromTitle: string | null;
  fromYear: number | null;
  /** This year's materials the draft was built from (absent when it was not). */
  materials?: DraftMaterials;
  preamble: DraftParagraph[];
  /** 主要开展了以下六方面工作: — its count follows the number of parts on renumbering. */
  partsIntro: DraftParagraph | null;
  parts: DraftPart[];
  /** Shortcomings and outlook (一是…二是…三是…). */
  closing: DraftParagraph[];
  footnotes: DraftFootnote[];
  /** Every metric of this year's ledger last year's text never mentioned. */
  newMetrics: NewMetric[];
  /** The ledger records (this year and last) the draft was written and is checked against. */
  ledger: LedgerRecord[];
  /** Where the ledger came from: a file name, or 台账库 for the store. */
  ledgerSource: string;
  /**
   * The ledger had no row for `year` when the draft was built (early in the drafting season): every
   * figure carried from last year is pending. Absent in drafts saved before it existed (read as false).
   */
  ledgerMissing: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * Which path produced a paragraph: the offline carry-forward engine, the model under the numeric
 * guard, or (writing from notes without a usable model) the notes with the figures' sentences added.
 */
export type DraftPath = 'carry-forward' | 'model' | 'notes';

/** How the path is shown to writers. */
export const pathLabels: Record<DraftPath, string> = {
  'carry-forward': '沿用上年',
  model: '模型润色',
  notes: '要点拼接',
};

/**
 * Why the engine's text stands or something else the writer should know: a guarded generation's
 * fallback reason (model_failed, guard_refused — the same words as its `fallback` event), no model
 * configured, no ledger rows for the year.
 */
export type WarningCode =
  | GuardedReason
  | 'model_unavailable'
  /** No ledger row for the draft's year: every figure is pending. */
  | 'no_ledger';

export interface DraftWarning {
  code: WarningCode;
  message_zh: string;
  message_en: string;
  /** The paragraph (or part) the warning is about, when there is one. */
  target?: string;
}

/**
 * What drafting one section yields, in order: progress notes, the guarded generation's events
 * (`delta`, `retry`: discard the text so far, `fallback`: the engine's text stands), notices, then
 * exactly one `final`. The SSE stream of POST /api/draft/section sends each as an event named after
 * `type` with the rest as JSON data.
 */
export type DraftEvent =
  | {
      type: 'progress';
      stage: 'carry-forward' | 'retrieve' | 'model' | 'check';
      message_zh: string;
    }
  | GuardedEvent
  | ({ type: 'notice' } & DraftWarning)
  | {
      type: 'final';
      paragraph: DraftParagraph;
      /** The paragraph checked against the draft's ledger (offsets into paragraph.text). */
      check: CheckResult;
      path: DraftPath;
      pathLabel: string;
      warnings: DraftWarning[];
    };
