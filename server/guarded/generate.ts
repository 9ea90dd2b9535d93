/**
 * The one guarded-generation step: the model writes, every figure is held until the guard shows it,
 * the whole answer is judged; a refused answer is written once more with the refusal explained, and
 * otherwise — or when the model fails for good — the engine's own text stands. Figures never come
 * from a language model: an accepted answer holds only figures the guard found in the sources.
 */
import { type ChatModel, describeModelError } from '../models/index.ts';
import { holdFigures } from '../stream/index.ts';
import type { Fallback, GuardedEvent, GuardedRequest, GuardedResult, Refusal, Verdict } from './types.ts';

/** How many times the model may write an answer for the guard. */
const attempts = 2;

const empty: Verdict = { toModel: '输出为空', toPeople: '输出为空', toEngineer: 'empty answer' };

/** One attempt streamed with its figures held; returns the model's own text (failed model calls dropped). */
async function* attempt(
  model: ChatModel,
  request: GuardedRequest,
  refusal: Refusal | null,
  counter: { failed: number },
): AsyncGenerator<GuardedEvent, string> {
  const stream = model.stream(request.messages(refusal), {
    signal: request.signal,
    temperature: request.temperature,
  });
  const held = holdFigures(stream, request.judge);
  for (let step = await held.next(); ; step = await held.next()) {
    if (step.done) return step.value;
    const event = step.value;
    if (event.type === 'delta') {
      yield event;
      continue;
    }
    yield {
      type: 'retry',
      attempt: ++counter.failed,
      reason: 'model_failed',
      message_zh: `${event.message_zh}\uFF0C正在重新生成`,
      message_en: `${event.message_en}; generating again`,
    };
  }
}

/** Says the engine's text stands, and returns so. */
function* fallBack(fallback: Fallback): Generator<GuardedEvent, GuardedResult> {
  yield { type: 'fallback', ...fallback };
  return { ok: false, fallback };
}

/**
 * Streams one guarded generation (see the module comment) and returns its outcome. Aborting the
 * signal ends it with the abort error; any other model failure becomes a `fallback`.
 * @example const result = yield* guardedGeneration(model, { messages, judge, guard, fallback: '沿用上年的文本' });
 */
export async function* guardedGeneration(
  model: ChatModel,
  request: GuardedRequest,
): AsyncGenerator<GuardedEvent, GuardedResult> {
  const counter = { failed: 0 };
  let refusal: Refusal | null = null;
  for (let round = 1; round <= attempts; round++) {
    let raw: string;
    try {
      raw = yield* attempt(model, request, refusal, counter);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      const { message_zh, message_en } = describeModelError(error);
      return yield* fallBack({
        reason: 'model_failed',
        message_zh: `${message_zh}\uFF0C已改用${request.fallback}`,
        message_en: `${message_en}; the engine's text stands`,
      });
    }
    const answer = request.clean ? request.clean(raw) : raw.trim();
    const verdict = answer ? request.guard(answer) : empty;
    if (!verdict) return { ok: true, text: answer };
    refusal = { answer, ...verdict };
    if (round < attempts) {
      yield {
        type: 'retry',
        attempt: ++counter.failed,
        reason: 'guard_refused',
        message_zh: `模型输出未通过核对\uFF08${verdict.toPeople}\uFF09\uFF0C正在重新生成`,
        message_en: `The guard refused the answer (${verdict.toEngineer}); generating again`,
      };
    }
  }
  return yield* fallBack({
    reason: 'guard_refused',
    message_zh: `模型两次输出均未通过核对\uFF08${refusal?.toPeople}\uFF09\uFF0C已改用${request.fallback}`,
    message_en: `The guard refused both answers (${refusal?.toEngineer}); the engine's text stands`,
  });
}

/** One guarded generation run to its end without streaming (part titles): the events are dropped. */
export async function guardedText(model: ChatModel, request: GuardedRequest): Promise<GuardedResult> {
  const run = guardedGeneration(model, request);
  for (let step = await run.next(); ; step = await run.next()) if (step.done) return step.value;
}
