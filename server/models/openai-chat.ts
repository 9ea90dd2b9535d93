import { EventEmitter, on } from 'node:events';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import pRetry from 'p-retry';
import type { ModelEndpoint } from '../config.ts';
import { describeModelError, isRetryable, modelError } from './model-error.ts';
import type { ChatMessage, ChatModel, ModelEvent, StreamOptions } from './types.ts';

/** LangChain is loaded on first use: it costs ~0.4 s at start-up, which offline runs never need. */
async function loadLangChain(endpoint: ModelEndpoint & { chatModel: string }) {
  const [{ ChatOpenAI }, { AIMessage, HumanMessage, SystemMessage }] = await Promise.all([
    import('@langchain/openai'),
    import('@langchain/core/messages'),
  ]);
  const llm = new ChatOpenAI({
    model: endpoint.chatModel,
    apiKey: endpoint.apiKey,
    configuration: { baseURL: endpoint.baseURL },
    timeout: endpoint.timeoutMs,
    maxRetries: 0,
    streaming: true,
  });
  const toLangChain = (m: ChatMessage): BaseMessage =>
    m.role === 'system'
      ? new SystemMessage(m.content)
      : m.role === 'user'
        ? new HumanMessage(m.content)
        : new AIMessage(m.content);
  return { llm, toLangChain };
}

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content
          .map((part) => (typeof part === 'string' ? part : ((part as { text?: string }).text ?? '')))
          .join('')
      : '';

/**
 * A chat model behind any OpenAI-compatible endpoint, through LangChain's ChatOpenAI. Retries are
 * ours (p-retry), not the SDK's, so that a stream that breaks halfway is retried too.
 */
export function openAIChatModel(endpoint: ModelEndpoint & { chatModel: string }): ChatModel {
  let loaded: ReturnType<typeof loadLangChain> | null = null;
  return {
    name: endpoint.chatModel,
    async *stream(messages: ChatMessage[], options: StreamOptions = {}): AsyncIterable<ModelEvent> {
      const events = new EventEmitter();
      const iterator = on(events, 'event', { close: ['end'] });
      const emit = (event: ModelEvent): boolean => events.emit('event', event);
      pRetry(
        async () => {
          loaded ??= loadLangChain(endpoint);
          const { llm, toLangChain } = await loaded;
          const stream = await llm.stream(messages.map(toLangChain), {
            signal: options.signal,
            temperature: options.temperature ?? 0.3,
          } as Parameters<ChatOpenAI['stream']>[1]);
          for await (const chunk of stream) {
            const text = textOf(chunk.content);
            if (text) emit({ type: 'delta', text });
          }
        },
        {
          retries: endpoint.maxRetries,
          minTimeout: 300,
          factor: 2,
          randomize: true,
          signal: options.signal,
          shouldRetry: ({ error }) => isRetryable(error),
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
            if (retriesLeft > 0 && isRetryable(error))
              emit({ type: 'retry', attempt: attemptNumber, ...describeModelError(error) });
          },
        },
      ).then(
        () => events.emit('end'),
        (error: unknown) => events.emit('error', modelError(error)),
      );
      for await (const [event] of iterator) yield event as ModelEvent;
    },
  };
}
