/**
 * Drafting a whole report: the carry-forward draft is built and saved at once (so nothing is lost
 * whatever happens next); with a model, each part paragraph is then restyled under the numeric guard
 * and the part titles proposed, the draft saved after every paragraph; finally the whole text is
 * checked against the draft's ledger.
 */

import type { CheckSummary } from '../figures/index.ts';
import { checkText } from '../figures/index.ts';
import { countCarriedOver, countYearBound } from '../marks/index.ts';
import { type AuditEntry, auditEntry } from './audit.ts';
import { type BuildInputs, buildDraft } from './build.ts';
import { allParagraphs, pendingTotal, replaceParagraph } from './document/index.ts';
import { draftMarkdown } from './render.ts';
import { draftSection, type SectionDeps, type SectionMode } from './section.ts';
import { proposePartTitles } from './titles.ts';
import type { Draft, DraftEvent, DraftWarning, FigureStatus, ParagraphOrigin } from './types.ts';

/** Counts of what the engine did, for the writer's summary. */
export interface DraftStats {
  paragraphs: number;
  /** No ledger row for the draft's year: every figure is pending (see Draft.ledgerMissing). */
  ledgerMissing: boolean;
  figures: Record<FigureStatus, number>;
  /** 【待核实…】 markers in the text. */
  pending: number;
  /** 〖上年表述…〗 sentences in the text: last year's, for the writer to rewrite. */
  yearBound: number;
  newMetrics: number;
  /** Last year's sentences marked 〖沿用上年·待更新：…〗 (nothing of this year backs them). */
  carriedOver: number;
  /** Paragraphs by who wrote their text. */
  origins: Record<ParagraphOrigin, number>;
  /** The whole text checked against the draft's ledger. */
  check: CheckSummary;
}

/** The outcome of drafting a whole report. */
export interface WholeDraft {
  draft: Draft;
  stats: DraftStats;
  warnings: DraftWarning[];
  /** Every change made to figures, in reading order. */
  audit: AuditEntry[];
}

/** What whole-report drafting needs besides the build inputs. */
export interface WholeDeps extends SectionDeps {
  mode: SectionMode;
  /** Saves the draft (atomically); called after the build and after every restyled paragraph. */
  save(draft: Draft): Promise<Draft>;
  /** Progress for people (stderr of the CLI). */
  onProgress?(message: string): void;
}

/** Every change the draft makes to figures, in reading order: old and new text, ledger rows, match words. */
export function draftAudit(draft: Draft): AuditEntry[] {
  return allParagraphs(draft).flatMap((p) => p.figures.map((f) => auditEntry(p.id, f)));
}

/** What the engine did in a draft, and the whole text's check. */
export function draftStats(draft: Draft): DraftStats {
  const paragraphs = allParagraphs(draft);
  const figures: Record<FigureStatus, number> = {
    updated: 0,
    recomputed: 0,
    pending: 0,
    new: 0,
    material: 0,
  };
  const origins: Record<ParagraphOrigin, number> = {
    'carry-forward': 0,
    model: 0,
    writer: 0,
    'new-metrics': 0,
    materials: 0,
    plan: 0,
  };
  for (const p of paragraphs) {
    origins[p.origin]++;
    for (const f of p.figures) figures[f.status]++;
  }
  return {
    paragraphs: paragraphs.length,
    ledgerMissing: draft.ledgerMissing,
    figures,
    pending: pendingTotal(draft),
    yearBound: paragraphs.reduce((n, p) => n + countYearBound(p.text), 0),
    newMetrics: draft.newMetrics.length,
    carriedOver: paragraphs.reduce((n, p) => n + countCarriedOver(p.text), 0),
    origins,
    check: checkText(draftMarkdown(draft), draft.ledger, { year: draft.year }).summary,
  };
}

/** The final event of a section stream (draftSection always ends with one). */
async function finalOf(events: AsyncIterable<DraftEvent>): Promise<Extract<DraftEvent, { type: 'final' }>> {
  let final: Extract<DraftEvent, { type: 'final' }> | null = null;
  for await (const event of events) if (event.type === 'final') final = event;
  if (!final) throw new Error('draftSection ended without a final event');
  return final;
}

/** The warning of a draft built with no ledger row for its year. */
function noLedgerWarning(draft: Draft): DraftWarning {
  const pending = pendingTotal(draft);
  return {
    code: 'no_ledger',
    message_zh: `没有${draft.year}年的台账数据\uFF1A全文已照上年报告起草\uFF0C全部 ${pending} 个数字标为【待核实:上年为…】\uFF1B取得台账后请导入并重新起草\uFF0C或逐一核实`,
    message_en: `No ledger rows for ${draft.year}: the whole draft was written, all ${pending} figures are pending`,
  };
}

/** Drafts a whole report: see the module comment. */
export async function draftWhole(inputs: BuildInputs, deps: WholeDeps): Promise<WholeDraft> {
  let draft = await deps.save(buildDraft(inputs));
  const warnings: DraftWarning[] = draft.ledgerMissing ? [noLedgerWarning(draft)] : [];
  const restyle = deps.model !== null && deps.mode !== 'carry-forward';
  const targets = draft.parts.flatMap((part) =>
    // From materials, last year's paragraphs stay as assembled (their carry-over marks with them).
    part.paragraphs.filter((p) => p.origin === (draft.materials ? 'materials' : 'carry-forward')),
  );
  deps.onProgress?.(`已按今年台账生成初稿(${allParagraphs(draft).length} 段),草稿 ${draft.id} 已保存`);
  if (restyle) {
    for (const [i, target] of targets.entries()) {
      deps.onProgress?.(`模型润色第 ${i + 1}/${targets.length} 段:${target.topic ?? target.id}`);
      const final = await finalOf(draftSection({ draft, paragraphId: target.id, mode: deps.mode }, deps));
      warnings.push(...final.warnings);
      draft = await deps.save(replaceParagraph(draft, final.paragraph));
    }
    // Last year's plan keeps its heading: the writer replaces it, not the model.
    const work = { ...draft, parts: draft.parts.filter((part) => part.kind !== 'plan') };
    const titles = await proposePartTitles(work, deps.model, deps.signal);
    warnings.push(...titles.warnings);
    const byId = new Map(titles.titles.map((t) => [t.partId, t.title]));
    draft = await deps.save({
      ...draft,
      parts: draft.parts.map((part) => ({ ...part, title: byId.get(part.id) ?? part.title })),
    });
  } else if (deps.mode === 'model') {
    warnings.push({
      code: 'model_unavailable',
      message_zh: '未配置模型(OPENAI_BASE_URL / GOVDRAFT_CHAT_MODEL),全文沿用上年文本',
      message_en: 'No chat model is configured; the engine’s text stands',
    });
  }
  return { draft, stats: draftStats(draft), warnings, audit: draftAudit(draft) };
}
