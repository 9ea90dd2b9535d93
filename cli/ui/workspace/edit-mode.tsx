/** Editing the title, a part's title or a paragraph (e): the text field has the keys. */
import { Box } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { applyEdit } from '../draft/edits.ts';
import type { DraftSession } from '../hooks/use-draft.ts';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import type { Mode, WorkspaceAction, WorkspaceState } from './state.ts';

/** The keys shown while editing. */
export const editHints = [
  { key: 'Enter', label: '保存' },
  { key: 'Esc', label: '取消' },
  { key: '←→', label: '移动光标' },
  { key: 'Ctrl-A/E', label: '行首/行尾' },
];

const ownsEdit = (mode: Mode): boolean => mode.name === 'edit';

/**
 * Saves the edit in progress, if any, as typed so far (Enter, or leaving with Ctrl-C); the outline
 * has the keys again.
 */
export function keepEdit(
  latest: { readonly current: WorkspaceState },
  dispatch: (action: WorkspaceAction) => void,
  session: DraftSession,
  text?: string,
): void {
  const mode = latest.current.mode;
  if (mode.name !== 'edit') return;
  dispatch({ type: 'mode', mode: { name: 'view' } });
  session.change((d) => applyEdit(d, mode.target, text ?? mode.value));
}

/** The text being edited, in a box under the pane. */
export function EditMode({ ws }: { ws: WorkspaceControls }) {
  useModeKeys(ws, ownsEdit);
  const mode = ws.state.mode;
  if (mode.name !== 'edit') return null;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" width={ws.pane.width}>
      <TextField
        initial={mode.initial}
        width={ws.pane.width - 2}
        maxRows={6}
        onChange={(value) => ws.dispatch({ type: 'typed', value })}
        onSubmit={(value) => keepEdit(ws.latest, ws.dispatch, ws.session, value)}
        onCancel={() => ws.dispatch({ type: 'mode', mode: { name: 'view' } })}
      />
    </Box>
  );
}
