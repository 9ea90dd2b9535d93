import { useCallback, useRef, useState } from 'react';
import { draftWireEvent } from '../../../server/api/index.ts';
import type { DraftWarning } from '../../../server/draft/index.ts';
import { readEvents } from '../../sse.ts';
import { useClient } from '../contexts/client.tsx';
import type { DraftSession } from './use-draft.ts';

/** The paragraph being drafted right now, as it streams in. */
export interface Drafting {
  paragraphId: string;
  /** The text streamed so far (a preview: the final paragraph replaces it). */
  text: string;
  /** The engine's latest progress note. */
  message: string;
  /** Paragraphs still waiting after this one. */
  waiting: number;
}

/** The outcome of the last paragraph drafted. */
export interface Drafted {
  paragraphId: string;
  /** 沿用上年 / 模型润色 / 要点拼接. */
  pathLabel: string;
  warnings: DraftWarning[];
}

export interface Generation {
  active: Drafting | null;
  last: Drafted | null;
  error: unknown;
  /** Drafts the paragraphs one after another (from `notes` when given), streaming each. */
  run(paragraphIds: readonly string[], notes?: string): Promise<void>;
  /** Stops drafting; the paragraph being drafted keeps its saved text. */
  cancel(): void;
}

/**
 * Drafting paragraphs through POST /api/draft/section (Server-Sent Events). The server saves each
 * final paragraph into the draft before the UI sees it, so stopping at any moment — Esc, Ctrl-C, a
 * crash — leaves the saved draft whole: the paragraph being drafted simply keeps its previous text.
 */
export function useGeneration(draftId: string, session: DraftSession): Generation {
  const client = useClient();
  const [active, setActive] = useState<Drafting | null>(null);
  const [last, setLast] = useState<Drafted | null>(null);
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (paragraphIds: readonly string[], notes?: string) => {
      const abort = new AbortController();
      controller.current = abort;
      setError(undefined);
      try {
        await session.flush();
        for (const [i, paragraphId] of paragraphIds.entries()) {
          if (abort.signal.aborted) break;
          const waiting = paragraphIds.length - i - 1;
          setActive({ paragraphId, text: '', message: '开始生成', waiting });
          const response = await client.api.draft.section.$post(
            { json: { draftId, paragraphId, mode: 'auto', ...(notes ? { notes } : {}) } },
            { init: { signal: abort.signal } },
          );
          for await (const event of readEvents(response, draftWireEvent)) {
            if (abort.signal.aborted) break;
            if (event.type === 'progress') setActive((a) => a && { ...a, message: event.message_zh });
            else if (event.type === 'delta') setActive((a) => a && { ...a, text: a.text + event.text });
            // retry: the model writes again; fallback: the engine's text stands. Either way the preview is void.
            else if (event.type === 'retry' || event.type === 'fallback')
              setActive((a) => a && { ...a, text: '', message: event.message_zh });
            else if (event.type === 'notice') setActive((a) => a && { ...a, message: event.message_zh });
            else if (event.type === 'final') {
              session.adopt(event.paragraph, event.check);
              setLast({ paragraphId, pathLabel: event.pathLabel, warnings: event.warnings });
            }
          }
        }
      } catch (e) {
        if (!abort.signal.aborted) setError(e);
      } finally {
        if (controller.current === abort) controller.current = null;
        setActive(null);
        // The whole draft's counts (status line) follow the new paragraphs.
        await session.recheck().catch(() => undefined);
      }
    },
    [client, draftId, session],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { active, last, error, run, cancel };
}
