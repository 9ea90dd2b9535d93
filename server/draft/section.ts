/**
 * Drafting one paragraph of a draft, as a stream of DraftEvents: the carry-forward engine's text
 * first (the offline default and every fallback); then, when a model is configured and wanted, the
 * model's restyling — or a paragraph from the writer's notes — under the numeric guard; finally the
 * paragraph with its claims checked against the draft's ledger. A paragraph is never lost: whatever
 * fails, the final event carries the engine's text.
 */

import { GovdraftError } from '../errors.ts';
import type { LedgerRecord } from '../figures/index.ts';
import { checkText, formatValue, indexLedger } from '../figures/index.ts';
import type { Fallback } from '../guarded/index.ts';
import { countPending } from '../marks/index.ts';
import type { ChatModel } from '../models/index.ts';
import { type Fence, fenced, newFence, renderPrompt } from '../models/index.ts';
import { topicSentence } from '../report/index.ts';
import { rowAudit } from './audit.ts';
import { carryChecked } from './carry-forward.ts';
import { findParagraph } from './document/index.ts';
import { modelTrace } from './materials-rewrite.ts';
import { appendMetric, metricSentence } from './new-metrics.ts';
import { alignFigures, refreshParagraph } from './paragraph.ts';
import { guardedAnswer } from './stylist.ts';
import type { Draft, DraftEvent, DraftParagraph, DraftPart, DraftPath, DraftWarning } from './types.ts';
import { pathLabels } from './types.ts';

/** auto: the model when one is configured, else the engine; carry-forward: the engine only; model: the model, with a warning when none is configured. */
export type SectionMode = 'auto' | 'carry-forward' | 'model';

/** What to draft. */
export interface SectionRequest {
  draft: Draft;
  paragraphId: string;
  mode?: SectionMode;
  /** The writer's notes: write the paragraph from them (with `metrics`) instead of restyling it. */
  notes?: string;
  /** Ledger metrics (this year) to place in a paragraph written from notes; default: the paragraph's own. */
  metrics?: string[];
}

/** What drafting needs from outside: the model (null: offline) and past paragraphs as style exemplars. */
export interface SectionDeps {
  model: ChatModel | null;
  /** Past paragraphs close to a query, best first; [] when the corpus has none. */
  exemplars(query: string): Promise<string[]>;
  signal?: AbortSignal;
}

/** Exemplars shown to the model, and how much of each. */
const maxExemplars = 2;
const maxExemplarLength = 400;

/** The error for a paragraph id the draft does not have. */
export function paragraphNotFound(draftId: string, id: string): GovdraftError {
  return new GovdraftError(
    'not_found',
    `草稿 ${draftId} 中没有段落 ${id}`,
    `Draft ${draftId} has no paragraph ${id}`,
  );
}

/**
 * The engine's version of a paragraph: last year's text carried forward again, or the text as it is —
 * as it is too when it was assembled from this year's materials (it has a trace): carrying last year's
 * text again would drop its 〖沿用上年·待更新〗 marks and this year's sources.
 */
export function engineParagraph(draft: Draft, paragraph: DraftParagraph): DraftParagraph {
  const fromLastYear = paragraph.origin === 'carry-forward' || paragraph.origin === 'model';
  if (!paragraph.sourceText || !fromLastYear || paragraph.trace) {
    return refreshParagraph(paragraph);
  }
  const years = { from: draft.fromYear ?? draft.year - 1, to: draft.year };
  const carried = carryChecked(paragraph.sourceText, draft.ledger, indexLedger(draft.ledger), years);
  return {
    ...paragraph,
    text: carried.text,
    topic: topicSentence(carried.text),
    origin: 'carry-forward',
    figures: carried.figures,
    pending: countPending(carried.text),
  };
}

/** Numbered figures for a prompt: one per line. */
function figureList(lines: readonly string[]): string {
  return lines.length ? lines.map((l, i) => `${i + 1}. ${l}`).join('\n') : '(本段没有数字)';
}

async function exemplarBlock(
  deps: SectionDeps,
  query: string,
  fence: Fence,
  exclude: string,
): Promise<string> {
  const found = (await deps.exemplars(query).catch(() => [])).filter((t) => t.trim() && t !== exclude);
  if (found.length === 0) return '(无)';
  return found
    .slice(0, maxExemplars)
    .map((t) => fenced(fence, t.slice(0, maxExemplarLength)))
    .join('\n');
}

/** The warning a guarded generation's fallback leaves in the final event: the same reason and words. */
function fallbackWarning(fallback: Fallback, target: string): DraftWarning {
  return { code: fallback.reason, message_zh: fallback.message_zh, message_en: fallback.message_en, target };
}

/** Restyles the engine's paragraph with the model; yields events and returns the paragraph and path. */
async function* restyle(
  draft: Draft,
  engine: DraftParagraph,
  model: ChatModel,
  deps: SectionDeps,
  warnings: DraftWarning[],
): AsyncGenerator<DraftEvent, [DraftParagraph, DraftPath]> {
  yield { type: 'progress', stage: 'retrieve', message_zh: '检索往年同类段落作文风参考' };
  const fence = newFence();
  const exemplars = await exemplarBlock(
    deps,
    engine.topic ?? engine.text.slice(0, 120),
    fence,
    engine.sourceText ?? '',
  );
  const figures = engine.figures.map((f) => f.text);
  const result = yield* guardedAnswer(model, {
    messages: (violation) =>
      renderPrompt('restyle-paragraph', {
        fence_open: fence.open,
        fence_close: fence.close,
        paragraph: fenced(fence, engine.text),
        figures: figureList(figures),
        exemplars,
        violation,
      }),
    given: engine.text,
    allowedYears: [draft.year, draft.year - 1],
    fallback: '沿用上年的文本',
    signal: deps.signal,
  });
  if (!result.ok) {
    warnings.push(fallbackWarning(result.fallback, engine.id));
    return [engine, 'carry-forward'];
  }
  const trace = modelTrace(engine, result.text, model.name);
  const paragraph: DraftParagraph = {
    ...engine,
    text: result.text,
    topic: topicSentence(result.text),
    origin: 'model',
    figures: alignFigures(result.text, engine.figures),
    pending: countPending(result.text),
    ...(trace ? { trace } : {}),
  };
  return [paragraph, 'model'];
}

/** This year's records of the named metrics, in the order named. */
function recordsNamed(draft: Draft, names: readonly string[]): LedgerRecord[] {
  return names
    .map((name) => draft.ledger.find((r) => r.year === draft.year && r.metric === name))
    .filter((r): r is LedgerRecord => r !== undefined);
}

/** The notes with a sentence for each figure: the paragraph when no model can write it. */
function notesParagraph(
  base: DraftParagraph,
  notes: string,
  records: readonly LedgerRecord[],
): DraftParagraph {
  let text = notes.trim().replace(/\s*\n\s*/g, '');
  if (text && !/[。!?;\uFF01\uFF1F\uFF1B]$/.test(text)) text += '。';
  const figures: DraftParagraph['figures'] = [];
  for (const r of records) {
    text = appendMetric(text, figures, r, metricSentence(r), 'updated', rowAudit(r));
  }
  return {
    ...base,
    text,
    topic: topicSentence(text),
    origin: 'writer',
    figures,
    pending: countPending(text),
  };
}

/** Writes a paragraph from the writer's notes with the model, or composes it from the notes. */
async function* fromNotes(
  draft: Draft,
  engine: DraftParagraph,
  part: DraftPart | null,
  request: SectionRequest,
  deps: SectionDeps,
  warnings: DraftWarning[],
): AsyncGenerator<DraftEvent, [DraftParagraph, DraftPath]> {
  const notes = request.notes ?? '';
  const names =
    request.metrics ?? engine.figures.flatMap((f) => (f.metric && f.status !== 'pending' ? [f.metric] : []));
  const records = recordsNamed(draft, [...new Set(names)]);
  const composed = notesParagraph(engine, notes, records);
  const model = deps.model;
  if (!model || request.mode === 'carry-forward') return [composed, 'notes'];
  yield { type: 'progress', stage: 'retrieve', message_zh: '检索往年同类段落作文风参考' };
  const fence = newFence();
  const exemplars = await exemplarBlock(deps, notes.slice(0, 120), fence, '');
  const lines = records.map((r) => `${r.metric}:${formatValue(r.value, r.unit)}`);
  const result = yield* guardedAnswer(model, {
    messages: (violation) =>
      renderPrompt('paragraph-from-notes', {
        fence_open: fence.open,
        fence_close: fence.close,
        part_title: part?.title ?? '(无)',
        notes: fenced(fence, notes),
        figures: figureList(lines),
        exemplars,
        violation,
      }),
    given: records.map((r) => formatValue(r.value, r.unit)).join('。'),
    allowedYears: [draft.year],
    fallback: '要点原文加台账数字',
    signal: deps.signal,
  });
  if (!result.ok) {
    warnings.push(fallbackWarning(result.fallback, engine.id));
    return [composed, 'notes'];
  }
  const paragraph: DraftParagraph = {
    ...composed,
    text: result.text,
    topic: topicSentence(result.text),
    origin: 'model',
    figures: alignFigures(result.text, composed.figures),
  };
  return [paragraph, 'model'];
}

/**
 * Drafts one paragraph of a draft: see the module comment. `final.paragraph.text` is authoritative;
 * deltas are a preview (a fallback replaces what they showed). Throws not_found for an unknown id.
 */
export async function* draftSection(request: SectionRequest, deps: SectionDeps): AsyncGenerator<DraftEvent> {
  const { draft } = request;
  const found = findParagraph(draft, request.paragraphId);
  if (!found) throw paragraphNotFound(draft.id, request.paragraphId);
  const mode = request.mode ?? 'auto';
  const warnings: DraftWarning[] = [];
  yield { type: 'progress', stage: 'carry-forward', message_zh: '按今年台账更新上年段落中的数字' };
  const engine = engineParagraph(draft, found.paragraph);
  if (mode === 'model' && !deps.model) {
    const warning: DraftWarning = {
      code: 'model_unavailable',
      message_zh: '未配置模型(OPENAI_BASE_URL / GOVDRAFT_CHAT_MODEL),已改用沿用上年的文本',
      message_en: 'No chat model is configured; the engine’s text stands',
      target: engine.id,
    };
    warnings.push(warning);
    yield { type: 'notice', ...warning };
  }
  let paragraph = engine;
  let path: DraftPath = 'carry-forward';
  if (request.notes?.trim()) {
    [paragraph, path] = yield* fromNotes(draft, engine, found.part, request, deps, warnings);
  } else if (deps.model && mode !== 'carry-forward' && engine.text.trim() && engine.origin !== 'plan') {
    // Last year's plan is not restyled: only the writer (from notes) replaces it with next year's.
    [paragraph, path] = yield* restyle(draft, engine, deps.model, deps, warnings);
  }
  if (path !== 'model') yield { type: 'delta', text: paragraph.text };
  yield { type: 'progress', stage: 'check', message_zh: '核查本段数字' };
  const check = checkText(paragraph.text, draft.ledger, { year: draft.year });
  yield { type: 'final', paragraph, check, path, pathLabel: pathLabels[path], warnings };
}
