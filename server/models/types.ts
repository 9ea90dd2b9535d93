/** The one interface the engine uses to reach a chat model; "no model" is `null`, not an error. */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What a model stream yields: text deltas, and a notice when an attempt failed and restarts. */
export type ModelEvent =
  | { type: 'delta'; text: string }
  /** The previous attempt failed; text streamed so far is void and the answer restarts. */
  | { type: 'retry'; attempt: number; message_zh: string; message_en: string };

export interface StreamOptions {
  signal?: AbortSignal;
  /** Sampling temperature; low by default: official prose, not creativity. */
  temperature?: number;
}

export interface ChatModel {
  /** The model name as configured, e.g. qwen2.5-7b-instruct. */
  readonly name: string;
  /** Streams a completion, retrying with backoff on timeouts, 429, 5xx and garbled streams. */
  stream(messages: ChatMessage[], options?: StreamOptions): AsyncIterable<ModelEvent>;
}
