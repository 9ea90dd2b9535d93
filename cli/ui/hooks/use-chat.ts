import { useCallback, useRef, useState } from 'react';
import type { ChatAnswer, ChatFilters, ChatTurn } from '../../../server/chat/index.ts';
import { askChat } from '../../services/chat.ts';
import { useClient } from '../contexts/client.tsx';

/** One exchange of the conversation as shown. */
export interface ChatEntry {
  question: string;
  /** The answer text streamed so far (a preview: the final answer replaces it). */
  streamed: string;
  answer: ChatAnswer | null;
  notices: string[];
  error?: unknown;
}

/**
 * A multi-turn conversation over the corpus through POST /api/chat: earlier questions and answers
 * go with each new question, so follow-ups (那2015年呢?) are understood; `filters` (an office) go too.
 */
export function useChat() {
  const client = useClient();
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const history = useRef<ChatTurn[]>([]);

  const ask = useCallback(
    async (question: string, filters?: ChatFilters) => {
      const q = question.trim();
      if (!q) return;
      const index = history.current.length / 2;
      const update = (change: (e: ChatEntry) => ChatEntry) =>
        setEntries((all) => all.map((e, i) => (i === index ? change(e) : e)));
      setEntries((all) => [...all, { question: q, streamed: '', answer: null, notices: [] }]);
      setBusy(true);
      try {
        const answer = await askChat(client, [...history.current, { role: 'user', content: q }], filters, {
          onDelta: (text) => update((e) => ({ ...e, streamed: e.streamed + text })),
          onRetry: () => update((e) => ({ ...e, streamed: '' })),
          onFallback: (message) => update((e) => ({ ...e, streamed: '', notices: [...e.notices, message] })),
          onNotice: (message) => update((e) => ({ ...e, notices: [...e.notices, message] })),
        });
        history.current = [
          ...history.current,
          { role: 'user', content: q },
          { role: 'assistant', content: answer.answer },
        ];
        update((e) => ({ ...e, answer }));
      } catch (error) {
        history.current = [
          ...history.current,
          { role: 'user', content: q },
          { role: 'assistant', content: '' },
        ];
        update((e) => ({ ...e, error }));
      } finally {
        setBusy(false);
      }
    },
    [client],
  );
  return { entries, busy, ask };
}
