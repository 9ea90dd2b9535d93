/** The problems view's keys (c): walk the draft's problems, go to one's paragraph. */
import type { Key } from 'ink';
import { useEffect } from 'react';
import { branchKey, findParagraph } from '../draft/outline.ts';
import type { DraftProblem } from '../draft/problems.ts';
import { inverseRow, type Line } from '../layout/wrap.ts';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import type { Mode } from './state.ts';

/** The keys shown in the problems view. */
export const problemsHints = [
  { key: 'n/p', label: '下一处/上一处' },
  { key: 'Enter', label: '转到该段' },
  { key: 'Esc', label: '返回' },
];

/** What the problems view is drawn from. */
export interface ProblemsProps {
  ws: WorkspaceControls;
  /** The draft's problems, in reading order. */
  problems: readonly DraftProblem[];
  /** The pane's lines, as wrapped. */
  lines: readonly Line[];
}

const ownsProblems = (mode: Mode): boolean => mode.name === 'problems';

/** The problems view's keys: n/p (↓↑) walk, Enter goes to the paragraph, q/c/Esc go back, PgUp/PgDn scroll. */
function problemsKey(ws: WorkspaceControls, problems: readonly DraftProblem[], input: string, key: Key) {
  const { dispatch, pane } = ws;
  const mode = ws.latest.current.mode;
  const view = () => dispatch({ type: 'mode', mode: { name: 'view' } });
  const scroll = (by: number) => dispatch({ type: 'scroll', by, total: pane.lines, height: pane.rows });
  const problem = mode.name === 'problems' ? problems[mode.index] : undefined;
  if (key.escape) return ws.generation.active ? ws.generation.cancel() : view();
  if (input === 'n' || key.downArrow) return dispatch({ type: 'problem', by: 1, count: problems.length });
  if (input === 'p' || key.upArrow) return dispatch({ type: 'problem', by: -1, count: problems.length });
  if (key.return && problem) {
    const draft = ws.session.latest.current;
    const found = draft && findParagraph(draft, problem.paragraphId);
    const branch = found ? branchKey(found.branch) : null;
    return dispatch({ type: 'reveal-paragraph', paragraphId: problem.paragraphId, branch });
  }
  if (input === 'q' || input === 'c') return view();
  if (key.pageDown) return scroll(pane.rows - 1);
  if (key.pageUp) return scroll(-(pane.rows - 1));
}

/**
 * The problems view has the keys: n/p walk the problems, Enter goes to the current one's paragraph;
 * the current problem's figure (drawn inverse in `lines`) stays in sight.
 */
export function ProblemsMode({ ws, problems, lines }: ProblemsProps) {
  useModeKeys(ws, ownsProblems, (input, key) => problemsKey(ws, problems, input, key));
  const { dispatch } = ws;
  const height = ws.pane.rows;
  useEffect(
    () => dispatch({ type: 'reveal-row', row: inverseRow(lines), total: lines.length, height }),
    [dispatch, lines, height],
  );
  return null;
}
