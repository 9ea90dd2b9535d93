/** Adding a paragraph from notes (a): the text field has the keys; Enter drafts the paragraph. */
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { insertParagraph, writerParagraph } from '../draft/edits.ts';
import { branchKey, branchOfRow } from '../draft/outline.ts';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import { cursor } from './reducer.ts';
import type { Mode } from './state.ts';

/** The keys shown while writing notes. */
export const notesHints = [
  { key: 'Enter', label: '按要点生成一段' },
  { key: 'Esc', label: '取消' },
];

const ownsNotes = (mode: Mode): boolean => mode.name === 'notes';

/** Inserts a new paragraph after the selected one (or at the end of the branch) and drafts it from `notes`. */
function addFromNotes(ws: WorkspaceControls, notes: string): void {
  const { row } = cursor(ws.latest.current, ws.session.latest.current);
  const branch = branchOfRow(row);
  ws.dispatch({ type: 'mode', mode: { name: 'view' } });
  if (!branch || !notes.trim()) return;
  const paragraph = writerParagraph();
  const after = row?.kind === 'paragraph' ? row.paragraphId : null;
  ws.session.change((d) => insertParagraph(d, branch, after, paragraph));
  ws.dispatch({ type: 'reveal-paragraph', paragraphId: paragraph.id, branch: branchKey(branch) });
  void ws.generation.run([paragraph.id], notes);
}

/** The notes field, in a box under the pane. */
export function NotesMode({ ws }: { ws: WorkspaceControls }) {
  useModeKeys(ws, ownsNotes);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" width={ws.pane.width}>
      <Text dimColor>要点(数字只取自台账,不要手写数字):</Text>
      <TextField
        width={ws.pane.width - 2}
        maxRows={5}
        onSubmit={(notes) => addFromNotes(ws, notes)}
        onCancel={() => ws.dispatch({ type: 'mode', mode: { name: 'view' } })}
      />
    </Box>
  );
}
