/**
 * The draft workspace's parts: its state and pure reducer, the pane and badges drawn from it, and
 * one component per mode, each owning its keys. The screen (screens/workspace.tsx) puts them together.
 */
export { badgesOf } from './badges.ts';
export type { KeyPress, WorkspaceControls } from './controls.ts';
export { keepEdit } from './edit-mode.tsx';
export { hasDialog, ModeComponent, modeHints } from './modes.tsx';
export { paneSegments } from './pane.ts';
export { type Cursor, cursor, workspaceReducer } from './reducer.ts';
export type { ExportFormat, Message, Mode, ModeName, WorkspaceAction, WorkspaceState } from './state.ts';
export { exportFormats, initialWorkspace } from './state.ts';
export { SaveLabel, StatusLine } from './status-line.tsx';
export { workspaceHelp } from './view-mode.tsx';
