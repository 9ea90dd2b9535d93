/** Choosing an export format (x): 1 .md 2 .docx 3 .txt 4 批注版 .docx. */
import { Text } from 'ink';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import { exportFormats, type Mode } from './state.ts';

/** The keys shown while a format is chosen. */
export const exportFormatHints = [
  { key: '1', label: '.md' },
  { key: '2', label: '.docx' },
  { key: '3', label: '.txt' },
  { key: '4', label: '\u6279\u6CE8\u7248 .docx' },
  { key: 'Esc', label: '取消' },
];

const ownsExportFormat = (mode: Mode): boolean => mode.name === 'export-format';

/** The formats offered; a format's key asks for the path next. */
export function ExportFormatMode({ ws }: { ws: WorkspaceControls }) {
  useModeKeys(ws, ownsExportFormat, (input, key) => {
    const format = exportFormats[input as keyof typeof exportFormats];
    if (key.escape) ws.dispatch({ type: 'mode', mode: { name: 'view' } });
    else if (format) ws.dispatch({ type: 'mode', mode: { name: 'export-path', format } });
  });
  return <Text color="cyan">{'导出为:1 .md 2 .docx 3 .txt 4 \u6279\u6CE8\u7248 .docx'}</Text>;
}
