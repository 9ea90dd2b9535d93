/** What the workspace's right pane shows for a state: pure, from the draft and what the API returned. */
import type { Draft } from '../../../server/draft/index.ts';
import type { CheckResult } from '../../../server/figures/index.ts';
import { branchOfRow } from '../draft/outline.ts';
import type { DraftProblem } from '../draft/problems.ts';
import type { Exemplar } from '../hooks/use-exemplars.ts';
import type { Drafting } from '../hooks/use-generation.ts';
import { branchView, footnotesView, paragraphView, sourcesView, titleView } from '../layout/draft-view.ts';
import { problemSegments } from '../layout/problem-view.ts';
import type { Segment } from '../layout/wrap.ts';
import type { Cursor } from './reducer.ts';
import type { Mode } from './state.ts';

/** Everything the pane is drawn from. */
export interface PaneInputs {
  draft: Draft;
  at: Cursor;
  mode: Mode;
  problems: readonly DraftProblem[];
  checks: ReadonlyMap<string, CheckResult>;
  exemplars: readonly Exemplar[] | null;
  /** The paragraph being generated, as it streams in. */
  drafting: Drafting | null;
}

const noProblems: Segment[] = [
  { text: '没有发现问题:每个数字都与台账相符,也没有【待核实】标记。', style: { color: 'green' } },
];

/**
 * The pane's segments: the current problem in the problems view, the selected paragraph's sources
 * (s), the paragraph streaming in while it is generated, else the selected row (title, a paragraph,
 * a branch with its paragraphs, the footnotes).
 */
export function paneSegments({
  draft,
  at,
  mode,
  problems,
  checks,
  exemplars,
  drafting,
}: PaneInputs): Segment[] {
  const { row, paragraph } = at;
  if (!row) return [];
  if (mode.name === 'problems') {
    const problem = problems[mode.index];
    return problem ? problemSegments(draft, checks, problem, mode.index, problems.length) : noProblems;
  }
  if (mode.name === 'sources' && paragraph) return sourcesView(paragraph.paragraph, exemplars);
  if (drafting && paragraph?.paragraph.id === drafting.paragraphId) {
    return [
      { text: `${drafting.message}\n\n`, style: { color: 'cyan' } },
      {
        text: drafting.text || paragraph.paragraph.text,
        style: drafting.text ? undefined : { dimColor: true },
      },
    ];
  }
  if (row.kind === 'title') return titleView(draft);
  if (row.kind === 'footnotes') return footnotesView(draft);
  if (row.kind === 'paragraph' && paragraph)
    return paragraphView(draft, row.branch, row.number, paragraph.paragraph, checks.get(row.paragraphId));
  const branch = branchOfRow(row);
  return branch ? branchView(draft, branch, checks, drafting) : [];
}
