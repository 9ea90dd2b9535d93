/**
 * The LLM stylist under the numeric guard: streams a model's answer, checks its figures against the
 * given ones, asks once more with the violation explained, and otherwise gives up so the caller keeps
 * the engine's text. Model failures (after the models layer's own retries) give up the same way.
 */

import type { ChatMessage, ChatModel } from '../models/index.ts';
import { describeModelError } from '../models/index.ts';
import { holdFigures } from '../stream/index.ts';
import { describeViolation, guardFigures, guardJudge, guardPassed, violationCounts } from './guard.ts';
import type { DraftEvent, DraftWarning } from './types.ts';

/** One guarded generation. */
export interface GuardedRequest {
  /** The prompt of an attempt; `violation` is '' at first, then the explained violation. */
  messages(violation: string): ChatMessage[];
  /** The text (or list) whose figures the answer must reproduce exactly. */
  given: string;
  /** Years the answer may write besides those in `given`. */
  allowedYears: readonly number[];
  /** What stands when the model's answer is not used, for warnings: 沿用上年的文本, 要点原文. */
  fallback: string;
  signal?: AbortSignal;
}

/** The answer when it passed the guard, else why the engine's text stands. */
export type GuardedResult = { ok: true; text: string } | { ok: false; warning: DraftWarning };

/** Answers to the guard: how many times the model may try. */
const attempts = 2;

/**
 * The answer as paragraph text: code fences, a leading label (润色后:) and wrapping quotes removed,
 * lines joined (a paragraph is one line).
 */
export function cleanAnswer(answer: string): string {
  return answer
    .replace(/^\s*```[a-z]*\s*|\s*```\s*$/g, '')
    .trim()
    .replace(/^(润色后|修改后|段落|正文|输出)[:\uFF1A]\s*/, '')
    .replace(/^[“"「](.*)[”"」]$/s, '$1')
    .split(/\s*\n\s*/)
    .join('')
    .trim();
}

/** The violation note appended to the prompt of the second attempt. */
function retryNote(violation: string): string {
  return `\n注意:你上一次的输出违反了数字规则——${violation}。请严格按规则重写,数字必须与清单完全一致,不得增减。`;
}

/**
 * Streams a guarded model answer: progress, deltas and retry events for the client, and the result.
 * Aborting the signal ends the generation with the abort error.
 */
export async function* guardedAnswer(
  model: ChatModel,
  request: GuardedRequest,
): AsyncGenerator<DraftEvent, GuardedResult> {
  let violation = '';
  let told = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    yield { type: 'progress', stage: 'model', message_zh: `模型 ${model.name} 正在生成(第 ${attempt} 次)` };
    let text = '';
    try {
      const stream = model.stream(request.messages(violation ? retryNote(violation) : ''), {
        signal: request.signal,
      });
      // The preview shows each figure only once the guard accepts it.
      const held = holdFigures(stream, guardJudge(request.given));
      let step = await held.next();
      for (; !step.done; step = await held.next()) {
        const event = step.value;
        if (event.type === 'delta') {
          yield { type: 'delta', text: event.text };
        } else {
          yield {
            type: 'retry',
            attempt: event.attempt,
            reason: 'model-error',
            message_zh: `${event.message_zh},正在重试`,
            message_en: event.message_en,
          };
        }
      }
      text = step.value;
    } catch (error) {
      if (request.signal?.aborted) throw error;
      const { message_zh, message_en } = describeModelError(error);
      return {
        ok: false,
        warning: {
          code: 'model_failed',
          message_zh: `${message_zh},已改用${request.fallback}`,
          message_en: `${message_en}; the engine's text stands`,
        },
      };
    }
    yield { type: 'progress', stage: 'guard', message_zh: '核对模型输出中的数字' };
    const answer = cleanAnswer(text);
    const found = guardFigures(request.given, answer, request.allowedYears);
    if (answer && guardPassed(found)) return { ok: true, text: answer };
    violation = answer ? describeViolation(found) : '输出为空';
    told = answer ? violationCounts(found) : '输出为空';
    if (attempt < attempts) {
      yield {
        type: 'retry',
        attempt,
        reason: 'numeric-guard',
        message_zh: `模型输出的数字与台账不符\uFF08${told}\uFF09\uFF0C已要求重写`,
        message_en: `The model changed the figures (${violation}); asking again`,
      };
    }
  }
  return {
    ok: false,
    warning: {
      code: 'numeric_guard',
      message_zh: `模型两次改动数字\uFF08${told}\uFF09\uFF0C已改用${request.fallback}`,
      message_en: `The model changed the figures twice (${violation}); the engine's text stands`,
    },
  };
}
