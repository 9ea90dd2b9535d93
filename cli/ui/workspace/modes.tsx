/** The component of each mode, and the keys each shows. */
import type { KeyHint } from '../components/key-bar.tsx';
import { DeleteMode, deleteHints } from './delete-mode.tsx';
import { EditMode, editHints } from './edit-mode.tsx';
import { ExportFormatMode, exportFormatHints } from './export-format-mode.tsx';
import { ExportPathMode, exportPathHints } from './export-path-mode.tsx';
import { NotesMode, notesHints } from './notes-mode.tsx';
import { ProblemsMode, type ProblemsProps, problemsHints } from './problems-mode.tsx';
import type { ModeName } from './state.ts';
import { generatingHints, ViewMode, viewHints } from './view-mode.tsx';

const hints: Record<ModeName, readonly KeyHint[]> = {
  view: viewHints,
  sources: viewHints,
  help: viewHints,
  problems: problemsHints,
  edit: editHints,
  notes: notesHints,
  delete: deleteHints,
  'export-format': exportFormatHints,
  'export-path': exportPathHints,
};

/** The keys the key bar shows in a mode (fewer while a paragraph is being generated). */
export const modeHints = (mode: ModeName, generating: boolean): readonly KeyHint[] =>
  generating ? generatingHints : hints[mode];

/** Whether a mode shows a dialog under the pane (the pane is then shorter). */
export const hasDialog = (mode: ModeName): boolean =>
  mode === 'edit' ||
  mode === 'notes' ||
  mode === 'delete' ||
  mode === 'export-format' ||
  mode === 'export-path';

/** The component of the current mode: it has the keys, and draws its dialog if it has one. */
export function ModeComponent({ ws, problems, lines }: ProblemsProps) {
  switch (ws.state.mode.name) {
    case 'problems':
      return <ProblemsMode ws={ws} problems={problems} lines={lines} />;
    case 'edit':
      return <EditMode ws={ws} />;
    case 'notes':
      return <NotesMode ws={ws} />;
    case 'delete':
      return <DeleteMode ws={ws} />;
    case 'export-format':
      return <ExportFormatMode ws={ws} />;
    case 'export-path':
      return <ExportPathMode ws={ws} />;
    default:
      return <ViewMode ws={ws} />;
  }
}
