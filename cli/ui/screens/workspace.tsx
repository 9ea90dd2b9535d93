import { Spinner } from '@inkjs/ui';
import { Box } from 'ink';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { ErrorLine } from '../components/error-line.tsx';
import { HelpPanel } from '../components/help-panel.tsx';
import { Lines } from '../components/lines.tsx';
import { OutlinePane } from '../components/outline-pane.tsx';
import { bodyArea, Screen } from '../components/screen.tsx';
import { useSession } from '../contexts/session.tsx';
import { useTerminalSize } from '../contexts/size.tsx';
import { draftProblems } from '../draft/problems.ts';
import { useDraft } from '../hooks/use-draft.ts';
import { useExemplars } from '../hooks/use-exemplars.ts';
import { useGeneration } from '../hooks/use-generation.ts';
import { useRefReducer } from '../hooks/use-ref-reducer.ts';
import { wrapSegments } from '../layout/wrap.ts';
import { badgesOf } from '../workspace/badges.ts';
import type { KeyPress, WorkspaceControls } from '../workspace/controls.ts';
import { keepEdit } from '../workspace/edit-mode.tsx';
import { hasDialog, ModeComponent, modeHints } from '../workspace/modes.tsx';
import { paneSegments } from '../workspace/pane.ts';
import { cursor, workspaceReducer } from '../workspace/reducer.ts';
import { initialWorkspace } from '../workspace/state.ts';
import { SaveLabel, StatusLine } from '../workspace/status-line.tsx';
import { workspaceHelp } from '../workspace/view-mode.tsx';

export interface WorkspaceProps {
  draftId: string;
  onBack: () => void;
}

/** Rows a dialog under the pane takes from it. */
const dialogRows = 8;

/** The body while the draft is opened, or why it cannot be. */
function Opening({ error, children }: { error: unknown; children: ReactNode }) {
  return (
    <Box flexDirection="column">
      {error !== undefined ? <ErrorLine error={error} /> : <Spinner label="正在打开草稿…" />}
      {children}
    </Box>
  );
}

/**
 * The draft workspace: the outline tree on the left (标题, 开头, (一)…(六) and their paragraphs, 存在问题,
 * 注释), the selected item on the right with figures coloured by verdict, a status line counting the
 * problems. Every change is saved at once through the drafts API. The state is the workspace reducer's;
 * the current mode's component has the keys.
 */
export function WorkspaceScreen({ draftId, onBack }: WorkspaceProps) {
  const { onQuit } = useSession();
  const session = useDraft(draftId);
  const generation = useGeneration(draftId, session);
  const { draft, checks } = session;
  const [state, dispatch, latest] = useRefReducer(workspaceReducer, initialWorkspace);
  const relay = useRef<KeyPress[]>([]).current;
  const { open, selected, mode } = state;
  const at = useMemo(() => cursor({ ...initialWorkspace, open, selected }, draft), [draft, open, selected]);
  const problems = useMemo(() => (draft ? draftProblems(draft, checks) : []), [draft, checks]);
  const hints = modeHints(mode.name, generation.active !== null);
  const area = bodyArea(useTerminalSize(), hints, true);
  const outlineWidth = Math.min(34, Math.floor(area.width * 0.38));
  const paneWidth = area.width - outlineWidth - 2;
  const paneRows = area.height - (hasDialog(mode.name) ? dialogRows : 0);
  const exemplars = useExemplars(mode.name === 'sources' ? (at.paragraph?.paragraph ?? null) : null);

  // An edit in progress is saved too when the writer leaves with Ctrl-C.
  useEffect(
    () =>
      onQuit(async () => {
        keepEdit(latest, dispatch, session);
        await session.flush();
      }),
    [onQuit, latest, dispatch, session],
  );

  const drafting = generation.active;
  const lines = useMemo(() => {
    if (!draft) return [];
    const segments = paneSegments({ draft, at, mode, problems, checks, exemplars, drafting });
    return wrapSegments(segments, paneWidth);
  }, [draft, at, mode, problems, checks, exemplars, drafting, paneWidth]);
  const badges = useMemo(
    () => (draft ? badgesOf(draft, at.rows, checks, drafting?.paragraphId ?? null) : new Map()),
    [draft, at.rows, checks, drafting?.paragraphId],
  );

  const ws: WorkspaceControls = {
    state,
    latest,
    dispatch,
    relay,
    session,
    generation,
    pane: { width: paneWidth, rows: paneRows, lines: lines.length },
    leave: () => {
      generation.cancel();
      void session.flush().finally(onBack);
    },
  };
  const modeComponent = <ModeComponent ws={ws} problems={problems} lines={lines} />;

  return (
    <Screen
      title={`起草 · ${draft?.title ?? ''}`}
      aside={<SaveLabel session={session} />}
      status={
        <StatusLine width={area.width} session={session} generation={generation} message={state.message} />
      }
      keys={hints}
    >
      {({ width, height }) => {
        // The mode's component listens from the start: q leaves a draft that is loading or failed to load.
        if (session.loadError !== undefined || !draft)
          return <Opening error={session.loadError}>{modeComponent}</Opening>;
        return (
          <Box width={width} height={height}>
            <Box
              width={outlineWidth + 1}
              borderStyle="single"
              borderTop={false}
              borderBottom={false}
              borderLeft={false}
            >
              <OutlinePane
                rows={at.rows}
                selected={at.index}
                height={height}
                width={outlineWidth}
                badges={badges}
              />
            </Box>
            <Box flexDirection="column" paddingLeft={1} width={paneWidth + 1}>
              {mode.name === 'help' ? (
                <HelpPanel title="起草工作区的按键" entries={workspaceHelp} />
              ) : (
                <Lines lines={lines.slice(state.paneTop, state.paneTop + paneRows)} />
              )}
              {modeComponent}
            </Box>
          </Box>
        );
      }}
    </Screen>
  );
}
