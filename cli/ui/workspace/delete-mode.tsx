/** Confirming a removal (d): y removes the selected part or paragraph, any other key keeps it. */
import { Box, Text } from 'ink';
import { removeParagraph, removePart } from '../draft/edits.ts';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import { cursor } from './reducer.ts';
import type { Mode } from './state.ts';

/** The keys shown while a removal waits for its confirmation. */
export const deleteHints = [
  { key: 'y', label: '确认删除' },
  { key: '其他键', label: '取消' },
];

const ownsDelete = (mode: Mode): boolean => mode.name === 'delete';

/** Removes the selected part or paragraph; the row above it is selected then. */
function remove(ws: WorkspaceControls): void {
  const { rows, index, row } = cursor(ws.latest.current, ws.session.latest.current);
  if (row?.kind === 'part') ws.session.change((d) => removePart(d, row.partId));
  else if (row?.kind === 'paragraph') ws.session.change((d) => removeParagraph(d, row.paragraphId));
  else return;
  const before = rows[index - 1];
  if (before) ws.dispatch({ type: 'select', key: before.key });
  ws.dispatch({ type: 'message', message: { text: '已删除', tone: 'info' } });
}

/** Asks before removing the selected part or paragraph. */
export function DeleteMode({ ws }: { ws: WorkspaceControls }) {
  useModeKeys(ws, ownsDelete, (input) => {
    ws.dispatch({ type: 'mode', mode: { name: 'view' } });
    if (input === 'y' || input === 'Y') remove(ws);
  });
  const { row } = cursor(ws.state, ws.session.draft);
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        {row?.kind === 'part' ? '删除整个部分?' : '删除这一段?'}
      </Text>
      <Text wrap="truncate-end">{row?.label}</Text>
      <Text color="red">按 y 确认,其他键取消</Text>
    </Box>
  );
}
