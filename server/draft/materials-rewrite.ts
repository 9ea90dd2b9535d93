/**
 * The model's rewrite of a paragraph built from this year's materials, accepted or not: the numeric
 * guard has already held its figures to the engine's (the material's or the ledger's); here the
 * rewrite must also keep every 〖沿用上年·待更新：…〗 mark — a carry-over the model smoothed into the
 * text would pass last year's work off as this year's. Accepted, each sentence of the rewrite is
 * traced to the model and to every source of the paragraph it rewrote. Pure.
 */

import { carriedOverSpans, countCarriedOver } from '../marks/index.ts';
import { splitSentences } from '../text/index.ts';
import type { SentenceTrace, TraceSource } from './trace-types.ts';
import type { DraftParagraph, DraftWarning } from './types.ts';

/** The sources of a paragraph's trace, each once. */
function sourcesOf(trace: readonly SentenceTrace[]): TraceSource[] {
  const seen = new Set<string>();
  return trace
    .flatMap((t) => t.sources)
    .filter((s) => {
      const key = JSON.stringify(s);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The trace of a model's rewrite: each sentence the model's, from all of the paragraph's sources. */
export function rewriteTrace(text: string, before: readonly SentenceTrace[], model: string): SentenceTrace[] {
  const sources: TraceSource[] = [...sourcesOf(before), { kind: 'model', model }];
  return splitSentences(text).map((span) => ({
    ...span,
    text: text.slice(span.start, span.end),
    origin: 'model' as const,
    sources,
    notes: ['模型按本段来源改写，数字经核对与来源一致'],
  }));
}

/**
 * The paragraph to keep after a model rewrote `before` into `after`: `after` with its trace when
 * every carry-over mark survived word for word, else `before` and a warning.
 */
export function acceptRewrite(
  before: DraftParagraph,
  after: DraftParagraph,
  model: string,
): { paragraph: DraftParagraph; warning: DraftWarning | null } {
  const kept = carriedOverSpans(before.text).every((m) => after.text.includes(m.text));
  if (kept && countCarriedOver(after.text) === countCarriedOver(before.text)) {
    return {
      paragraph: { ...after, trace: rewriteTrace(after.text, before.trace ?? [], model) },
      warning: null,
    };
  }
  return {
    paragraph: before,
    warning: {
      code: 'marks_guard',
      message_zh: '模型改写删改了“沿用上年·待更新”标记，已保留引擎组合的文本',
      message_en: 'The rewrite changed a carried-over mark; the engine’s text stands',
      target: before.id,
    },
  };
}
