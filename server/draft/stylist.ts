/**
 * The LLM stylist: drafting's use of the one guarded-generation step. The model's answer must keep
 * the given figures exactly (the numeric guard, guard.ts); a refused answer is written once more with
 * the violation explained, and otherwise the caller keeps the engine's text.
 */

import type { GuardedResult, Verdict } from '../guarded/index.ts';
import { guardedGeneration } from '../guarded/index.ts';
import type { ChatMessage, ChatModel } from '../models/index.ts';
import { describeViolation, guardFigures, guardJudge, guardPassed, violationCounts } from './guard.ts';
import type { DraftEvent } from './types.ts';

/** One guarded generation of a paragraph. */
export interface StylistRequest {
  /** The prompt of an attempt; `violation` is '' at first, then the violation explained. */
  messages(violation: string): ChatMessage[];
  /** The text (or list) whose figures the answer must reproduce exactly. */
  given: string;
  /** Years the answer may write besides those in `given`. */
  allowedYears: readonly number[];
  /** What stands when the model's answer is not used, for people: 沿用上年的文本, 要点原文. */
  fallback: string;
  signal?: AbortSignal;
}

/**
 * The answer as paragraph text: code fences, a leading label (润色后:) and wrapping quotes removed,
 * lines joined (a paragraph is one line).
 */
function cleanAnswer(answer: string): string {
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

/** The numeric guard as the step's whole-answer guard: null when the answer kept every figure. */
function numericVerdict(given: string, allowedYears: readonly number[]): (answer: string) => Verdict | null {
  return (answer) => {
    const found = guardFigures(given, answer, allowedYears);
    if (guardPassed(found)) return null;
    const { added, missing, markers, years } = found;
    return {
      toModel: describeViolation(found),
      toPeople: violationCounts(found),
      toEngineer: `added [${added}], missing [${missing}], marks [${markers}], years [${years}]`,
    };
  };
}

/**
 * Streams a guarded model answer for a paragraph: a progress note, then the step's events (deltas,
 * retries, a fallback), and the result. Aborting the signal ends the generation with the abort error.
 */
export async function* guardedAnswer(
  model: ChatModel,
  request: StylistRequest,
): AsyncGenerator<DraftEvent, GuardedResult> {
  yield { type: 'progress', stage: 'model', message_zh: `模型 ${model.name} 正在生成` };
  return yield* guardedGeneration(model, {
    messages: (refusal) => request.messages(refusal ? retryNote(refusal.toModel) : ''),
    judge: guardJudge(request.given),
    guard: numericVerdict(request.given, request.allowedYears),
    clean: cleanAnswer,
    fallback: request.fallback,
    signal: request.signal,
  });
}
