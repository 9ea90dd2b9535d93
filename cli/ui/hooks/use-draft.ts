import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftParagraph } from '../../../server/draft/index.ts';
import { replaceParagraph } from '../../../server/draft/index.ts';
import type { CheckResult, CheckSummary } from '../../../server/figures/index.ts';
import { unwrap } from '../../client.ts';
import { useClient } from '../contexts/client.tsx';
import { useSession } from '../contexts/session.tsx';

/** Where saving stands, for the title row. */
export type SaveState = 'loading' | 'saving' | 'saved' | 'failed';

/** A draft open in the workspace, saved after every change. */
export interface DraftSession {
  draft: Draft | null;
  /** The draft with every change applied so far, for key handlers running before a re-render. */
  latest: { readonly current: Draft | null };
  loadError: unknown;
  save: SaveState;
  saveError: unknown;
  savedAt: Date | null;
  /** Each paragraph's figures checked against the draft's ledger (POST /api/draft/check). */
  checks: ReadonlyMap<string, CheckResult>;
  summary: CheckSummary | null;
  /** Applies an edit at once and saves the draft (PUT /api/drafts/:id); the saved, renumbered draft replaces it. */
  change(edit: (draft: Draft) => Draft): void;
  /** Takes a paragraph the server drafted and already saved, with its check. */
  adopt(paragraph: DraftParagraph, check: CheckResult): void;
  /** Resolves when every change has reached the server (before drafting, on quit). */
  flush(): Promise<void>;
  /** Checks the whole draft again. */
  recheck(): Promise<void>;
}

/** Runs tasks one after another, each after the last settled (a failed task does not stop the next). */
function useTaskQueue(): (task: () => Promise<void>) => Promise<void> {
  const queue = useRef<Promise<void>>(Promise.resolve());
  return useCallback((task) => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
}

/**
 * Opens a saved draft and keeps it saved: every change goes to the server in order (a burst of
 * changes is saved once, with the latest draft), a failed save is retried with the next change or on
 * quit, and quitting (q, Ctrl-C, SIGTERM) waits for the last save.
 */
export function useDraft(draftId: string): DraftSession {
  const client = useClient();
  const { onQuit } = useSession();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>();
  const [save, setSave] = useState<SaveState>('loading');
  const [saveError, setSaveError] = useState<unknown>();
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [checks, setChecks] = useState<ReadonlyMap<string, CheckResult>>(new Map());
  const [summary, setSummary] = useState<CheckSummary | null>(null);
  const local = useRef<Draft | null>(null);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const live = useRef(true);

  const recheck = useCallback(async () => {
    const result = await unwrap(await client.api.draft.check.$post({ json: { draftId } }));
    if (!live.current) return;
    setChecks(new Map(result.paragraphs.map((p) => [p.paragraphId, p.check])));
    setSummary(result.summary);
  }, [client, draftId]);

  const saveLatest = useCallback(async () => {
    const sent = local.current;
    const v = version.current;
    if (!sent || v === savedVersion.current) return;
    setSave('saving');
    try {
      const { draft: saved } = await unwrap(
        await client.api.drafts[':id'].$put({ param: { id: draftId }, json: sent }),
      );
      savedVersion.current = v;
      // A newer change may have arrived meanwhile: it stays, and its own save follows.
      if (v === version.current) {
        local.current = saved as Draft;
        if (live.current) setDraft(saved as Draft);
      }
      if (!live.current) return;
      setSave('saved');
      setSavedAt(new Date());
      setSaveError(undefined);
      await recheck();
    } catch (error) {
      if (!live.current) return;
      setSave('failed');
      setSaveError(error);
    }
  }, [client, draftId, recheck]);

  const enqueue = useTaskQueue();

  const change = useCallback(
    (edit: (draft: Draft) => Draft) => {
      if (!local.current) return;
      local.current = edit(local.current);
      version.current++;
      setDraft(local.current);
      void enqueue(saveLatest);
    },
    [enqueue, saveLatest],
  );

  const adopt = useCallback((paragraph: DraftParagraph, check: CheckResult) => {
    if (!local.current) return;
    local.current = replaceParagraph(local.current, paragraph);
    setDraft(local.current);
    setChecks((m) => new Map(m).set(paragraph.id, check));
  }, []);

  const flush = useCallback(() => enqueue(saveLatest), [enqueue, saveLatest]);

  useEffect(() => {
    live.current = true;
    (async () => {
      const { draft: loaded } = await unwrap(await client.api.drafts[':id'].$get({ param: { id: draftId } }));
      if (!live.current) return;
      local.current = loaded as Draft;
      setDraft(loaded as Draft);
      setSave('saved');
      await recheck();
    })().catch((error: unknown) => {
      if (live.current) setLoadError(error);
    });
    return () => {
      live.current = false;
    };
  }, [client, draftId, recheck]);

  useEffect(() => onQuit(flush), [onQuit, flush]);

  const saving = { save, saveError, savedAt };
  return { draft, latest: local, loadError, ...saving, checks, summary, change, adopt, flush, recheck };
}
