/** The workspace's state changes, as one pure function the mode components dispatch to. */
import type { Draft, DraftParagraph } from '../../../server/draft/index.ts';
import {
  type Branch,
  branchKey,
  branchOfRow,
  findParagraph,
  type OutlineRow,
  outlineRows,
} from '../draft/outline.ts';
import { clampTop, revealRow } from '../layout/scroll.ts';
import type { WorkspaceAction, WorkspaceState } from './state.ts';

/** The outline as a state sees it: the rows, the selected row and its index, the selected paragraph. */
export interface Cursor {
  rows: OutlineRow[];
  index: number;
  row: OutlineRow | undefined;
  paragraph: { paragraph: DraftParagraph; branch: Branch } | null;
}

/** Where the selection is in a draft's outline (the first row when the selected one is gone). */
export function cursor(state: WorkspaceState, draft: Draft | null): Cursor {
  const rows = draft ? outlineRows(draft, state.open) : [];
  const index = Math.max(
    0,
    rows.findIndex((r) => r.key === state.selected),
  );
  const row = rows[index];
  const paragraph = row?.kind === 'paragraph' && draft ? findParagraph(draft, row.paragraphId) : null;
  return { rows, index, row, paragraph };
}

/** The open branches with `branch` flipped, or set to `to`. */
function toggled(open: ReadonlySet<string>, branch: string, to?: boolean): ReadonlySet<string> {
  const next = new Set(open);
  if (to ?? !next.has(branch)) next.add(branch);
  else next.delete(branch);
  return next;
}

/** The branch row of the selected row's branch, and that branch's key. */
function branchRow(at: Cursor): { key: string; row: OutlineRow | undefined } | null {
  const branch = branchOfRow(at.row);
  if (!branch) return null;
  const key = branchKey(branch);
  const row = at.rows.find((r) => {
    const own = r.kind === 'paragraph' ? null : branchOfRow(r);
    return own !== null && branchKey(own) === key;
  });
  return { key, row };
}

const scrolled = (state: WorkspaceState, paneTop: number): WorkspaceState =>
  paneTop === state.paneTop ? state : { ...state, paneTop };

function step(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'move': {
      const { rows, index } = cursor(state, action.draft);
      const next = rows[Math.max(0, Math.min(rows.length - 1, index + action.by))];
      return next ? { ...state, selected: next.key } : state;
    }
    case 'select':
      return { ...state, selected: action.key };
    case 'toggle':
      return { ...state, open: toggled(state.open, action.branch, action.open) };
    case 'collapse': {
      const parent = branchRow(cursor(state, action.draft));
      if (!parent) return state;
      return {
        ...state,
        open: toggled(state.open, parent.key, false),
        selected: parent.row?.key ?? state.selected,
      };
    }
    case 'mode':
      return { ...state, mode: action.mode };
    case 'typed':
      return state.mode.name === 'edit' ? { ...state, mode: { ...state.mode, value: action.value } } : state;
    case 'problem': {
      if (state.mode.name !== 'problems') return state;
      const n = action.count;
      const index = n > 0 ? (((state.mode.index + action.by) % n) + n) % n : 0;
      return { ...state, mode: { name: 'problems', index } };
    }
    case 'reveal-paragraph':
      return {
        ...state,
        open: action.branch === null ? state.open : toggled(state.open, action.branch, true),
        selected: `p:${action.paragraphId}`,
        mode: { name: 'view' },
      };
    case 'scroll':
      return scrolled(state, clampTop(state.paneTop + action.by, action.total, action.height));
    case 'reveal-row':
      return scrolled(state, revealRow(state.paneTop, action.row, action.total, action.height));
    case 'message':
      return state.message === action.message ? state : { ...state, message: action.message };
  }
}

/**
 * The workspace after an action. A new selection or a new mode shows the right pane from its top.
 * @example workspaceReducer(state, { type: 'move', draft, by: 1 }) // the next outline row selected
 */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  const next = step(state, action);
  const moved = next.selected !== state.selected || next.mode.name !== state.mode.name;
  return moved && next.paneTop !== 0 ? { ...next, paneTop: 0 } : next;
}
