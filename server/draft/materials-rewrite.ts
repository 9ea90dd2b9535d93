/**
 * The model's rewrite of a paragraph built from this year's materials. It goes through the one
 * guarded-generation step like every paragraph (stylist.ts): the numeric guard holds its figures to
 * the engine's (the material's or the ledger's) and keeps every 〖沿用上年·待更新：…〗 mark — a
 * carry-over the model smoothed into the text would pass last year's work off as this year's — with
 * one retry, else the engine's text. Accepted, each sentence is traced here to the model and to every
 * source of the paragraph it rewrote. Pure.
 */

import { splitSentences } from '../text/index.ts';
import type { SentenceTrace, TraceSource } from './trace-types.ts';
import type { DraftParagraph } from './types.ts';

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
function rewriteTrace(text: string, before: readonly SentenceTrace[], model: string): SentenceTrace[] {
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
 * The trace of a paragraph the model rewrote under the guard (which held its figures and every
 * 〖沿用上年·待更新：…〗 mark to the engine's): each sentence the model's, from all the sources of
 * the engine's paragraph; undefined when the engine's paragraph had no trace (not from materials).
 */
export function modelTrace(engine: DraftParagraph, text: string, model: string): SentenceTrace[] | undefined {
  return engine.trace ? rewriteTrace(text, engine.trace, model) : undefined;
}
