/**
 * Chat's streaming half: the answer of a prepared chat as events — written by the model under the
 * one guarded-generation step when one is configured and passages answer, otherwise (or when the
 * step falls back) the offline answer — ending with a final event.
 */
import type { ChatModel } from '../models/index.ts';
import type { Store } from '../store/index.ts';
import { type ChatRequest, type OfflineAnswer, type PreparedChat, prepareChat } from './answer.ts';
import { CitationBook } from './citations.ts';
import { modelAnswer } from './model-answer.ts';
import type { ChatAnswer, ChatEvent, ChatNotice } from './types.ts';

/** The offline text in pieces (a line or sentence each), so every answer streams the same way. */
function* pieces(text: string): Generator<ChatEvent> {
  for (const piece of text.split(/(?<=[。\n])/)) if (piece) yield { type: 'delta', text: piece };
}

/** The notices not yet streamed, then the final event, which repeats them all. */
function* finish(
  prepared: PreparedChat,
  answer: OfflineAnswer,
  by: string | null,
  told: readonly ChatNotice[] = [],
): Generator<ChatEvent> {
  for (const notice of answer.notices) if (!told.includes(notice)) yield { type: 'notice', ...notice };
  const { understanding, mode } = prepared;
  const { text, citations, figures, notices } = answer;
  yield {
    type: 'final',
    answer: { answer: text, mode, citations, figures, notices, model: by, understanding },
  };
}

/**
 * Streams the answer of a prepared chat. With a model and answering passages the model writes it
 * under the guard; when the guard or the model gives up, the `fallback` event says why and the offline
 * answer follows.
 */
export async function* streamChat(
  prepared: PreparedChat,
  model: ChatModel | null,
  signal?: AbortSignal,
): AsyncGenerator<ChatEvent> {
  const { understanding, mode, offline } = prepared;
  if (!model || mode !== 'passages' || prepared.passages.length === 0) {
    yield { type: 'meta', understanding, mode, model: null };
    yield* pieces(offline.text);
    yield* finish(prepared, offline, null);
    return;
  }
  yield { type: 'meta', understanding, mode, model: model.name };
  const book = new CitationBook(prepared.reports);
  const sources = { passages: prepared.passages, ledger: prepared.ledger };
  const outcome = yield* modelAnswer(model, understanding, sources, book, signal);
  if (outcome.ok) {
    yield* finish(prepared, outcome, model.name);
    return;
  }
  // The fallback event has told the notice; the final answer keeps it with the offline ones.
  yield* pieces(offline.text);
  yield* finish(prepared, { ...offline, notices: [...offline.notices, outcome.notice] }, null, [
    outcome.notice,
  ]);
}

/** Answers a chat request and returns only the final answer (CLI-free callers, evals, tests). */
export async function answerChat(
  store: Store,
  model: ChatModel | null,
  request: ChatRequest,
  signal?: AbortSignal,
): Promise<ChatAnswer> {
  const prepared = await prepareChat(store, request);
  for await (const event of streamChat(prepared, model, signal)) {
    if (event.type === 'final') return event.answer;
  }
  throw new Error('The chat stream ended without a final answer');
}
