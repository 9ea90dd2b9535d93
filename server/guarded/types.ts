/** The vocabulary of guarded generation: what a stream of model text says besides the text itself. */
import type { ChatMessage } from '../models/index.ts';
import type { FigureJudge } from '../stream/index.ts';

/** Why the text streamed so far is void: the model call failed, or the guard refused the answer. */
export type GuardedReason = 'model_failed' | 'guard_refused';

/**
 * What one guarded generation streams; draft sections and chat answers carry these events as they are.
 * `delta`: text released so far (each figure only once the guard shows it); `retry`: the text so far is
 * void and the model writes again; `fallback`: the text so far is void and the engine's own text stands.
 */
export type GuardedEvent =
  | { type: 'delta'; text: string }
  | { type: 'retry'; attempt: number; reason: GuardedReason; message_zh: string; message_en: string }
  | { type: 'fallback'; reason: GuardedReason; message_zh: string; message_en: string };

/** Why the engine's text stands, as the `fallback` event said it. */
export type Fallback = Omit<Extract<GuardedEvent, { type: 'fallback' }>, 'type'>;

/** Why the guard refused an answer: explained to the model, counted for people, stated for engineers. */
export interface Verdict {
  /** For the retry prompt: which figures and what is wrong with them (Chinese). */
  toModel: string;
  /** For people: how many figures, never which (a refused figure is shown nowhere). */
  toPeople: string;
  /** For engineers (logs, message_en). */
  toEngineer: string;
}

/** A refused answer and why: what the second attempt's prompt is given. */
export interface Refusal extends Verdict {
  answer: string;
}

/** One guarded generation: the prompt, the two guards (per figure while streaming, whole answer at the end), the fallback. */
export interface GuardedRequest {
  /** The prompt of an attempt: `refusal` is null at first, then the refused answer and why. */
  messages(refusal: Refusal | null): ChatMessage[];
  /** Judges each figure as it streams; the same rule as `guard`, so no figure shown is later refused. */
  judge: FigureJudge;
  /** Judges the whole (cleaned) answer: null when every figure is one of the sources', else why not. */
  guard(answer: string): Verdict | null;
  /** The model's raw text as the answer to judge (labels, fences, unknown references removed). */
  clean?(raw: string): string;
  /** What stands when the model's text is not used, named for people: 沿用上年的文本, 离线检索得到的答案. */
  fallback: string;
  temperature?: number;
  signal?: AbortSignal;
}

/** The answer when it passed the guard, else why the engine's text stands. */
export type GuardedResult = { ok: true; text: string } | { ok: false; fallback: Fallback };
