/** Giving the path to export to: the text field has the keys; Enter writes the file. */
import { relative, resolve } from 'node:path';
import { Box, Text } from 'ink';
import { exportDraft } from '../../services/export.ts';
import { errorText } from '../components/error-line.tsx';
import { TextField } from '../components/text-field.tsx';
import { useClient } from '../contexts/client.tsx';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import type { ExportFormat, Mode } from './state.ts';

/** The keys shown while the path is typed. */
export const exportPathHints = [
  { key: 'Enter', label: '导出' },
  { key: 'Esc', label: '取消' },
];

const ownsExportPath = (mode: Mode): boolean => mode.name === 'export-path';

/** The path offered: the draft's title as a file name in the working directory. */
const defaultPath = (title: string, format: ExportFormat): string =>
  `./${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.${format === 'annotated' ? '\u6838\u67E5.docx' : format}`;

/** A written file as the writer reads it: ./导出.md beside them, else the whole path. */
function shown(target: string): string {
  const near = relative(process.cwd(), target);
  return near.startsWith('..') ? target : `./${near}`;
}

/** The path field; Enter exports the draft as it is saved, once the last change is. */
export function ExportPathMode({ ws }: { ws: WorkspaceControls }) {
  const client = useClient();
  useModeKeys(ws, ownsExportPath);
  const { session, dispatch } = ws;
  const mode = ws.state.mode;
  if (mode.name !== 'export-path' || !session.draft) return null;
  const { format } = mode;
  const say = (text: string, tone: 'info' | 'error') =>
    dispatch({ type: 'message', message: { text, tone } });
  const write = (path: string) => {
    dispatch({ type: 'mode', mode: { name: 'view' } });
    if (!path.trim()) return;
    const target = resolve(path.trim());
    (async () => {
      await session.flush();
      const draft = session.latest.current;
      if (!draft) return;
      await exportDraft(client, draft, format, target);
      say(`已导出 ${shown(target)}`, 'info');
    })().catch((error: unknown) => say(errorText(error), 'error'));
  };
  return (
    <Box borderStyle="round" borderColor="cyan" width={ws.pane.width} flexDirection="column">
      <Text dimColor>导出到(Enter 确认):</Text>
      <TextField
        initial={defaultPath(session.draft.title, format)}
        width={ws.pane.width - 2}
        maxRows={2}
        onSubmit={write}
        onCancel={() => dispatch({ type: 'mode', mode: { name: 'view' } })}
      />
    </Box>
  );
}
