import { chatWireEvent } from '../../server/api/index.ts';
import type { ChatAnswer, ChatFilters, ChatTurn } from '../../server/chat/index.ts';
import { GovdraftError } from '../../server/errors.ts';
import type { Client } from '../client.ts';
import { readEvents } from '../sse.ts';

/** What a caller sees of a streamed answer while it arrives (the guarded generation's events, notices). */
export interface AnswerHandlers {
  onDelta?(text: string): void;
  /** The text streamed so far is void: the model writes again (重新生成). */
  onRetry?(message: string): void;
  /** The text streamed so far is void: the offline answer follows (已改用…). */
  onFallback?(message: string): void;
  onNotice?(message: string): void;
}

/**
 * Asks the chat API and reads its event stream to the final answer. Commands and the terminal UI
 * read the SSE from the typed client's response body, in-process or against `--server`.
 */
export async function askChat(
  client: Client,
  messages: ChatTurn[],
  filters: ChatFilters | undefined,
  handlers: AnswerHandlers = {},
): Promise<ChatAnswer> {
  const response = await client.api.chat.$post({ json: { messages, ...(filters ? { filters } : {}) } });
  for await (const event of readEvents(response, chatWireEvent)) {
    if (event.type === 'delta') handlers.onDelta?.(event.text);
    else if (event.type === 'retry') handlers.onRetry?.(event.message_zh);
    else if (event.type === 'fallback') handlers.onFallback?.(event.message_zh);
    else if (event.type === 'notice') handlers.onNotice?.(event.message_zh);
    else if (event.type === 'final') {
      const { type: _type, ...answer } = event;
      return answer;
    }
  }
  throw new GovdraftError(
    'internal',
    '回答中断:服务没有给出最终回答',
    'The chat stream ended without a final answer',
  );
}
