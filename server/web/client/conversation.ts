/** The conversation kept in the browser (localStorage) across reloads, and what is sent of it. */
import type { ChatAnswer, ChatTurn } from '../../chat/types.ts';

/** One turn as kept: the question, or the answer with its citations (or the error it ended in). */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  answer?: ChatAnswer;
  error?: string;
}

/** Where turns are kept: the browser's localStorage (any store with the same two methods). */
export interface TurnStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const key = 'govdraft.chat';
/** Turns sent as context with a follow-up: enough for 那2017年呢?, small enough to stay quick. */
const contextTurns = 20;

/** The kept conversation; empty when there is none or it cannot be read. */
export function loadTurns(storage: TurnStore): Turn[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (t): t is Turn =>
        typeof t === 'object' &&
        t !== null &&
        (t.role === 'user' || t.role === 'assistant') &&
        typeof t.content === 'string',
    );
  } catch {
    return [];
  }
}

/** Keeps the conversation; when the browser's quota is full, the oldest turns go first. */
export function saveTurns(storage: TurnStore, turns: readonly Turn[]): void {
  for (let from = 0; from <= turns.length; from += 2) {
    try {
      storage.setItem(key, JSON.stringify(turns.slice(from)));
      return;
    } catch {
      // Quota exceeded: try again with fewer turns.
    }
  }
}

/** The messages of a chat request: the recent answered questions with their answers, then the new one. */
export function messagesFor(turns: readonly Turn[], question: string): ChatTurn[] {
  const answered: ChatTurn[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    const [asked, answer] = [turns[i], turns[i + 1]];
    if (asked.role !== 'user' || answer.role !== 'assistant' || answer.error || !answer.content.trim())
      continue;
    answered.push({ role: 'user', content: asked.content }, { role: 'assistant', content: answer.content });
  }
  return [...answered.slice(-contextTurns), { role: 'user', content: question }];
}
