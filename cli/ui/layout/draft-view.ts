/**
 * What the workspace's right pane shows for the selected outline row, as styled segments: the draft's
 * title and provenance, a part with its paragraphs, one paragraph, the footnotes, a paragraph's
 * sources. Figures are coloured by the verdicts the API returned; nothing here reads numbers.
 */
import type { Draft, DraftParagraph, ParagraphOrigin } from '../../../server/draft/index.ts';
import type { CheckResult } from '../../../server/figures/index.ts';
import { carriedOverOpen, countCarriedOver, countYearBound } from '../../../server/marks/index.ts';
import { type Branch, branchParagraphs } from '../draft/outline.ts';
import { auditSegments } from './audit-view.ts';
import { figureSegments, yearBoundColor } from './figures.ts';
import { sentenceSourcesView } from './trace-view.ts';
import type { Segment } from './wrap.ts';

/** Who wrote a paragraph's text, as writers read it. */
export const originLabels: Record<ParagraphOrigin, string> = {
  'carry-forward': '沿用上年',
  model: '模型润色',
  writer: '手写',
  'new-metrics': '新增指标',
  materials: '今年材料',
  plan: '上年计划',
};

const dim = { dimColor: true };
const heading = { bold: true };

/** A paragraph's text with its figures coloured by its check (plain, markers highlighted, before one). */
export function paragraphSegments(paragraph: DraftParagraph, check: CheckResult | undefined): Segment[] {
  return figureSegments(paragraph.text, check?.claims ?? []);
}

/** Counts of a paragraph's problems: contradicted and unverified figures, pending markers, last year's sentences to rewrite (bound to last year, or carried over). */
export function paragraphProblems(
  paragraph: DraftParagraph,
  check: CheckResult | undefined,
): { contradicted: number; unverified: number; pending: number; yearBound: number; carriedOver: number } {
  return {
    contradicted: check?.summary.contradicted ?? 0,
    unverified: check?.summary.unverified ?? 0,
    pending: paragraph.pending,
    yearBound: countYearBound(paragraph.text),
    carriedOver: countCarriedOver(paragraph.text),
  };
}

/** The header line of a paragraph: where it is, who wrote it, its figures. */
function paragraphHeader(
  where: string,
  paragraph: DraftParagraph,
  check: CheckResult | undefined,
): Segment[] {
  const problems = paragraphProblems(paragraph, check);
  const parts = [
    where,
    originLabels[paragraph.origin],
    `数字 ${check?.claims.length ?? paragraph.figures.length} 个`,
  ];
  const out: Segment[] = [{ text: parts.join(' · '), style: dim }];
  if (problems.contradicted)
    out.push({ text: ` · 不符 ${problems.contradicted}`, style: { color: 'red', bold: true } });
  if (problems.unverified)
    out.push({ text: ` · 无法核对 ${problems.unverified}`, style: { color: 'yellow' } });
  if (problems.pending)
    out.push({ text: `(含【待核实】${problems.pending})`, style: { color: 'magenta', bold: true } });
  if (problems.yearBound)
    out.push({ text: ` · 上年表述 ${problems.yearBound}`, style: { color: yearBoundColor } });
  if (problems.carriedOver)
    out.push({ text: ` · 沿用上年 ${problems.carriedOver}`, style: { color: yearBoundColor } });
  out.push({ text: '\n' });
  return out;
}

/** A marked sentence of last year's explained as a problem: the sentence, then why and what to do. */
export function yearBoundProblem(mark: string): Segment[] {
  const why = mark.startsWith(carriedOverOpen)
    ? '\n今年的材料中没有相应内容\uFF0C这句沿用了上年的表述\uFF1A请按 e 依今年的情况改写或删去。\n'
    : '\n这句沿用了上年的表述\uFF08开局之年、日期、届次、获奖等\uFF09\uFF0C今年不一定成立\uFF1A请按 e 改写或删去。\n';
  return [{ text: mark, style: { color: yearBoundColor, bold: true } }, { text: why }];
}

/** Where a paragraph sits, for headers: (二)第3段, 开头第1段, 存在问题第2段. */
export function paragraphPlace(draft: Draft, branch: Branch, number: number): string {
  if (branch.kind === 'preamble') return `开头第${number}段`;
  if (branch.kind === 'closing') return `存在问题第${number}段`;
  const part = draft.parts.find((p) => p.id === branch.partId);
  return `${part?.marker ?? ''}第${number}段`;
}

/** One paragraph: header, then the coloured text. */
export function paragraphView(
  draft: Draft,
  branch: Branch,
  number: number,
  paragraph: DraftParagraph,
  check: CheckResult | undefined,
): Segment[] {
  return [
    ...paragraphHeader(paragraphPlace(draft, branch, number), paragraph, check),
    { text: '\n' },
    ...paragraphSegments(paragraph, check),
  ];
}

/** A branch (a part, 开头, 存在问题): its heading, then every paragraph, numbered. */
export function branchView(
  draft: Draft,
  branch: Branch,
  checks: ReadonlyMap<string, CheckResult>,
  drafting?: { paragraphId: string; text: string; message: string } | null,
): Segment[] {
  const part = branch.kind === 'part' ? draft.parts.find((p) => p.id === branch.partId) : undefined;
  const title = part ? `${part.marker}${part.title}` : branch.kind === 'preamble' ? '开头' : '存在问题';
  const out: Segment[] = [{ text: `${title}\n`, style: heading }];
  const paragraphs = branchParagraphs(draft, branch);
  if (paragraphs.length === 0) out.push({ text: '\n(没有段落:按 a 根据要点添加一段)', style: dim });
  paragraphs.forEach((p, i) => {
    if (drafting?.paragraphId === p.id) {
      // The paragraph being drafted shows what has streamed in so far.
      out.push({ text: `\n第${i + 1}段 · ${drafting.message}\n`, style: { color: 'cyan' } });
      out.push({ text: `${drafting.text || p.text}\n`, style: drafting.text ? undefined : dim });
      return;
    }
    out.push({ text: '\n' }, ...paragraphHeader(`第${i + 1}段`, p, checks.get(p.id)));
    out.push(...paragraphSegments(p, checks.get(p.id)), { text: '\n' });
  });
  return out;
}

/** The title row: the draft's title and where it came from. */
export function titleView(draft: Draft): Segment[] {
  const lines = [
    `起草年度 ${draft.year}年${draft.org ? ` · ${draft.org}` : ''}`,
    `沿用 《${draft.fromTitle ?? '上年报告'}》${draft.fromYear ? `(${draft.fromYear}年)` : ''}`,
    `台账 ${draft.ledgerSource}(${draft.ledger.length} 条记录)${draft.ledgerMissing ? `\uFF0C没有${draft.year}年的数据\uFF1A数字均待核实` : ''}`,
    `新增指标 ${draft.newMetrics.length} 项(已作为新句子放入最相近的部分)`,
    ...(draft.materials
      ? [
          `今年材料 ${draft.materials.files.length} 份:用到 ${draft.materials.files.reduce((n, f) => n + f.used, 0)} 句,与台账不符 ${draft.materials.conflicts.length} 处`,
        ]
      : []),
    `创建于 ${new Date(draft.createdAt).toLocaleString('zh-CN')}`,
    `保存于 ${new Date(draft.updatedAt).toLocaleString('zh-CN')}`,
  ];
  return [
    { text: `${draft.title}\n\n`, style: heading },
    { text: lines.join('\n'), style: dim },
  ];
}

/** The footnotes, [1] … */
export function footnotesView(draft: Draft): Segment[] {
  if (draft.footnotes.length === 0) return [{ text: '(没有注释)', style: dim }];
  return [
    { text: '注释\n\n', style: heading },
    { text: draft.footnotes.map((f) => `[${f.mark}] ${f.text}`).join('\n') },
  ];
}

/**
 * A paragraph's sources: last year's paragraph, the audit of its figures (what changed, from which
 * ledger rows, matched on which words), and retrieved past paragraphs of the same kind (the exemplars
 * the stylist is shown).
 */
export function sourcesView(
  paragraph: DraftParagraph,
  exemplars: readonly { label: string; text: string }[] | null,
): Segment[] {
  const out: Segment[] = [...sentenceSourcesView(paragraph), { text: '上年原文\n', style: heading }];
  out.push({
    text: `${paragraph.sourceText ?? '(本段不是从上年报告沿用的)'}\n\n`,
    style: paragraph.sourceText ? undefined : dim,
  });
  out.push(...auditSegments(paragraph));
  out.push({ text: '\n往年同类段落\n', style: heading });
  if (exemplars === null) out.push({ text: '检索中…', style: dim });
  else if (exemplars.length === 0) out.push({ text: '(没有找到)', style: dim });
  for (const e of exemplars ?? [])
    out.push({ text: `${e.label}\n`, style: { color: 'cyan' } }, { text: `${e.text}\n\n` });
  return out;
}
