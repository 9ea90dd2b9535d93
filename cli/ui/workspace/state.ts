/**
 * The draft workspace's own state, apart from the draft itself (which the drafts API keeps): which
 * branches of the outline are open, the selected row, the mode (who has the keys and what the right
 * pane shows), the pane's scroll and the last message. The reducer changes it; nothing here does I/O.
 */
import type { Draft } from '../../../server/draft/index.ts';
import type { EditTarget } from '../draft/edits.ts';

/** The export formats `x` offers, by the key that picks each: 1 .md 2 .docx 3 .txt 4 批注版 .docx. */
export const exportFormats = { '1': 'md', '2': 'docx', '3': 'txt', '4': 'annotated' } as const;

/** A format `x` can write; `annotated` is the .docx with a Word comment on each finding. */
export type ExportFormat = (typeof exportFormats)[keyof typeof exportFormats];

/** What the workspace is doing: which component has the keys, and what the right pane shows. */
export type Mode =
  /** The outline has the keys; the pane shows the selected row. */
  | { name: 'view' }
  /** The selected paragraph's sources (s). */
  | { name: 'sources' }
  /** Every key explained (?). */
  | { name: 'help' }
  /** The draft's problems, one at a time (c, then n/p). */
  | { name: 'problems'; index: number }
  /** Editing a title, a part title or a paragraph (e); `value` is the text as typed so far. */
  | { name: 'edit'; target: EditTarget; initial: string; value: string }
  /** Notes for a new paragraph (a). */
  | { name: 'notes' }
  /** Confirming the removal of the selected part or paragraph (d). */
  | { name: 'delete' }
  /** Choosing an export format (x). */
  | { name: 'export-format' }
  /** Giving the path to export to. */
  | { name: 'export-path'; format: ExportFormat };

/** The name of a mode. */
export type ModeName = Mode['name'];

/** A line answering the last action, in the status row. */
export interface Message {
  text: string;
  tone: 'info' | 'error';
}

/** Everything the workspace screen remembers between keys. */
export interface WorkspaceState {
  /** Keys of the open branches (branchKey). */
  open: ReadonlySet<string>;
  /** Key of the selected outline row; the first row when no row has it any more. */
  selected: string;
  mode: Mode;
  /** First row of the right pane shown. */
  paneTop: number;
  message: Message | null;
}

/** The workspace as it opens: the title selected, every branch closed. */
export const initialWorkspace: WorkspaceState = {
  open: new Set(),
  selected: 'title',
  mode: { name: 'view' },
  paneTop: 0,
  message: null,
};

/** What can happen to the workspace state. Actions that need the outline carry the latest draft. */
export type WorkspaceAction =
  /** Moves the selection by `by` rows (↑↓ j k), staying inside the outline. */
  | { type: 'move'; draft: Draft | null; by: number }
  | { type: 'select'; key: string }
  /** Opens or closes a branch (Enter →), or sets it when `open` is given. */
  | { type: 'toggle'; branch: string; open?: boolean }
  /** Closes the selected row's branch and selects the branch's own row (←). */
  | { type: 'collapse'; draft: Draft | null }
  | { type: 'mode'; mode: Mode }
  /** The edit's text as typed so far. */
  | { type: 'typed'; value: string }
  /** The next (+1) or previous (−1) of `count` problems, round the ends. */
  | { type: 'problem'; by: number; count: number }
  /** Shows a paragraph: its branch opened, its row selected, the outline back in charge. */
  | { type: 'reveal-paragraph'; paragraphId: string; branch: string | null }
  /** Scrolls the pane by `by` rows of `total`, `height` shown. */
  | { type: 'scroll'; by: number; total: number; height: number }
  /** Scrolls the pane so that `row` (the current problem's figure) is in sight. */
  | { type: 'reveal-row'; row: number; total: number; height: number }
  | { type: 'message'; message: Message | null };
