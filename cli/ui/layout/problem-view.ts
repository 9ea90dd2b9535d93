/**
 * One problem of a draft explained in the workspace's problems view: what is written, what the ledger
 * says and where that comes from, then its paragraph with the problem's figure drawn inverse.
 */

import type { Draft } from '../../../server/draft/index.ts';
import type { CheckResult } from '../../../server/figures/index.ts';
import { verdictWord } from '../../../server/marks/index.ts';
import { branchParagraphs, findParagraph } from '../draft/outline.ts';
import type { DraftProblem } from '../draft/problems.ts';
import { paragraphPlace, yearBoundProblem } from './draft-view.ts';
import { type FigureSpan, figureSegments, verdictColor } from './figures.ts';
import type { Segment } from './wrap.ts';

/** What the problem is: the figure with its verdict and the ledger's value, or the marker to resolve. */
function problemText(problem: DraftProblem): Segment[] {
  if (problem.kind === 'claim') {
    const c = problem.claim;
    const out: Segment[] = [
      {
        text: `“${c.text}” ${verdictWord[c.verdict]}`,
        style: { color: verdictColor[c.verdict], bold: true },
      },
    ];
    if (c.metric) out.push({ text: ` [${c.metric}]`, style: { dimColor: true } });
    if (c.expected !== null) out.push({ text: ` 应为 ${c.expected.toLocaleString('zh-CN')} ${c.unit}` });
    out.push({ text: `\n${c.explanation}\n` });
    out.push({
      text: `${c.source ? `来源:${c.source}` : '台账中没有对应的指标'}\n`,
      style: { dimColor: true },
    });
    return out;
  }
  if (problem.kind === 'year-bound') return yearBoundProblem(problem.text);
  const f = problem.figure;
  return [
    { text: f.text, style: { color: 'magenta', bold: true } },
    { text: `\n今年台账中没有${f.metric ? `“${f.metric}”` : '这一指标'}的数值:请核实后按 e 改写。\n` },
  ];
}

/** Problem `n` of `count` explained, then its paragraph with the problem's figure drawn inverse. */
export function problemSegments(
  draft: Draft,
  checks: ReadonlyMap<string, CheckResult>,
  problem: DraftProblem,
  n: number,
  count: number,
): Segment[] {
  const found = findParagraph(draft, problem.paragraphId);
  if (!found) return [];
  const number = branchParagraphs(draft, found.branch).findIndex((p) => p.id === problem.paragraphId) + 1;
  const heading: Segment = {
    text: `问题 ${n + 1}/${count} · ${paragraphPlace(draft, found.branch, number)}\n`,
    style: { bold: true },
  };
  const claims: FigureSpan[] = checks.get(problem.paragraphId)?.claims ?? [];
  const markers: FigureSpan[] = found.paragraph.figures
    .filter((f) => f.status === 'pending')
    .map((f) => ({ start: f.start, end: f.end, verdict: 'unverified', pending: true }));
  const current =
    problem.kind === 'claim'
      ? problem.index
      : problem.kind === 'pending'
        ? claims.length + markers.findIndex((m) => m.start === problem.figure.start)
        : -1;
  return [
    heading,
    ...problemText(problem),
    { text: '\n' },
    ...figureSegments(found.paragraph.text, [...claims, ...markers], current),
  ];
}
