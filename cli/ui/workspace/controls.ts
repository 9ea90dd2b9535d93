/** What every mode component of the workspace is given, and how each takes its keys. */
import { type Key, useInput } from 'ink';
import { useEffect } from 'react';
import type { DraftSession } from '../hooks/use-draft.ts';
import type { Generation } from '../hooks/use-generation.ts';
import type { Mode, WorkspaceAction, WorkspaceState } from './state.ts';

/** A key as Ink delivers it. */
export interface KeyPress {
  input: string;
  key: Key;
}

/** The workspace as its mode components see it. */
export interface WorkspaceControls {
  /** The state as rendered. */
  state: WorkspaceState;
  /** The state with every key so far applied, for key handlers (see useRefReducer). */
  latest: { readonly current: WorkspaceState };
  dispatch: (action: WorkspaceAction) => void;
  /** Keys that arrived after their mode's component stopped listening (see useModeKeys). */
  relay: KeyPress[];
  session: DraftSession;
  generation: Generation;
  /** The right pane: its width, the rows it shows and the rows of its whole content. */
  pane: { width: number; rows: number; lines: number };
  /** Back to the home screen, once the last change is saved. */
  leave: () => void;
}

/** A key handler of a mode component. */
export type KeyHandler = (input: string, key: Key) => void;

/**
 * Gives a mode's component its keys through Ink's useInput while `owns` the current mode. Ink hands
 * every key of a chunk (keys a terminal delivers together) out before React attaches the next
 * mode's listener, so a key arriving after this component's mode ended is relayed: the component of
 * the new mode takes it as soon as it listens. Components without keys of their own (text fields)
 * pass no handler: relayed keys are then dropped, as a text field only hears keys sent after it.
 */
export function useModeKeys(
  ws: WorkspaceControls,
  owns: (mode: Mode) => boolean,
  handler?: KeyHandler,
): void {
  const listening = owns(ws.state.mode);
  useInput(
    (input, key) => {
      if (owns(ws.latest.current.mode)) handler?.(input, key);
      else ws.relay.push({ input, key });
    },
    { isActive: listening && handler !== undefined },
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when this component starts listening, after useInput attached
  useEffect(() => {
    if (!listening) return;
    for (const press of ws.relay.splice(0)) {
      if (!handler) continue;
      if (owns(ws.latest.current.mode)) handler(press.input, press.key);
      else ws.relay.push(press);
    }
  }, [listening]);
}
