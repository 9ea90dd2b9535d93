/** 问答: asking, streaming the answer in, keeping the conversation across reloads. */

import { readSse } from '../../api/event-stream.ts';
import type { ChatAnswer } from '../../chat/types.ts';
import { ApiError, errorText, ok, request } from './api.ts';
import { liveAnswer, turnView } from './chat-view.ts';
import { loadTurns, messagesFor, saveTurns, type Turn } from './conversation.ts';
import { byId, fill } from './dom.ts';
import { scopeOf } from './scope.ts';

let turns: Turn[] = [];

function render(): void {
  const log = byId('chat-log');
  byId('chat-empty').hidden = turns.length > 0;
  fill(log, byId('chat-empty'), ...turns.map(turnView));
  log.scrollTop = log.scrollHeight;
}

/** Streams the answer to a request into a live turn; the final answer, or an error thrown. */
async function streamAnswer(body: unknown, live: ReturnType<typeof liveAnswer>): Promise<ChatAnswer> {
  const log = byId('chat-log');
  const response = await ok(
    await request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!response.body) throw new Error('empty response');
  for await (const message of readSse(response.body)) {
    const data = JSON.parse(message.data || '{}');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    if (message.event === 'delta') live.append(data.text);
    // retry: the model writes again; fallback: the offline answer follows. The text so far is void.
    else if (message.event === 'retry' || message.event === 'fallback') live.restart(data.message_zh);
    else if (message.event === 'notice') live.notice(data.message_zh);
    else if (message.event === 'final') return data as ChatAnswer;
    else if (message.event === 'error')
      throw new ApiError(500, data.error?.code, data.error?.message_zh ?? '回答失败');
    if (atBottom) log.scrollTop = log.scrollHeight;
  }
  throw new ApiError(502, 'stream_ended', '回答中途断开，请重试');
}

async function ask(question: string): Promise<void> {
  const send = byId<HTMLButtonElement>('chat-send');
  const body = { messages: messagesFor(turns, question), filters: scopeOf('chat') };
  turns.push({ role: 'user', content: question });
  saveTurns(localStorage, turns);
  render();
  const live = liveAnswer();
  byId('chat-log').append(live.element);
  send.disabled = true;
  try {
    const answer = await streamAnswer(body, live);
    turns.push({ role: 'assistant', content: answer.answer, answer });
    live.finish(answer);
  } catch (error) {
    const message = errorText(error);
    turns.push({ role: 'assistant', content: '', error: message });
    live.fail(message);
  } finally {
    saveTurns(localStorage, turns);
    send.disabled = false;
  }
}

/** Wires the chat form (Enter sends, Shift+Enter breaks the line) and restores the conversation. */
export function initChat(): void {
  const form = byId<HTMLFormElement>('chat-form');
  const input = byId<HTMLTextAreaElement>('chat-input');
  input.addEventListener('keydown', (event) => {
    // While an input method is composing, Enter picks a candidate: it must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || byId<HTMLButtonElement>('chat-send').disabled) return;
    input.value = '';
    void ask(question).then(() => input.focus());
  });
  byId('chat-new').addEventListener('click', () => {
    turns = [];
    saveTurns(localStorage, turns);
    render();
    input.focus();
  });
  turns = loadTurns(localStorage);
  render();
}
