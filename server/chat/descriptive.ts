/**
 * Descriptive questions (××街道在养老服务方面做了哪些工作?): every relevant passage across years and
 * offices, not just the best two sentences — the sentences of each passage that cover the topic,
 * grouped by office, then year, each cited. Pure.
 */
import type { SearchHit } from '../retrieve/index.ts';
import { splitSentences } from '../text/index.ts';
import type { CitationBook } from './citations.ts';
import { trimEnd } from './extractive.ts';
import { coverage, minCoverage, type TopicWords } from './relevance.ts';
import type { Understanding } from './types.ts';

/** Passages retrieved for a descriptive question. */
export const descriptiveDepth = 12;
/** Sentences quoted from one passage at most. */
const perPassage = 3;

/** True when a question asks what was done rather than for a figure, a date or a definition. */
export function isDescriptive(u: Understanding): boolean {
  return !u.numeric && !u.asksWhen && !u.asksDefinition;
}

/** The sentences of a passage worth quoting: those covering the topic best (its opening one kept with the next). */
function quoted(hit: SearchHit, topic: TopicWords): string[] {
  const sentences = splitSentences(hit.text).map((span) => ({
    start: span.start,
    text: hit.text.slice(span.start, span.end),
  }));
  const scored = sentences.map((s) => ({ ...s, score: coverage(topic, s.text) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const chosen = scored
    .filter((s) => s.score > 0 && s.score >= best * 0.5)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, perPassage);
  // A short topic sentence (丰富为老服务内涵。) says little alone: the next one says what was done.
  const opening = chosen.find((s) => s.start === 0 && s.text.length < 15);
  const next = opening && scored.find((s) => s.start > 0);
  if (next && !chosen.includes(next)) chosen.push(next);
  if (chosen.length === 0) chosen.push(...scored.slice(0, 2));
  return chosen.sort((a, b) => a.start - b.start).map((s) => trimEnd(s.text));
}

/**
 * The answer to a descriptive question from every passage that covers its topic, or null when none
 * does: one line per office and year (offices named only when there are several).
 * @example composeDescriptive(hits, topicWords('养老服务'), book)
 * // '【殷行街道】\n2022年：…[1]。…[2]。\n2023年：…[3]。\n【五角场街道】\n2023年：…[4]。'
 */
export function composeDescriptive(hits: SearchHit[], topic: TopicWords, book: CitationBook): string | null {
  const answering = descriptiveHits(hits, topic);
  if (answering.length === 0) return null;
  const offices = new Map<string, Map<number, string[]>>();
  const seen = new Set<string>();
  const ordered = [...answering].sort(
    (a, b) =>
      a.citation.year - b.citation.year ||
      a.chunk.paragraph - b.chunk.paragraph ||
      a.chunk.piece - b.chunk.piece,
  );
  for (const hit of ordered) {
    const sentences = quoted(hit, topic).filter((s) => !seen.has(s));
    if (sentences.length === 0) continue;
    for (const s of sentences) seen.add(s);
    const years = offices.get(hit.chunk.org) ?? new Map<number, string[]>();
    offices.set(hit.chunk.org, years);
    const line = `${sentences.join('。')}[${book.cite(hit)}]`;
    years.set(hit.citation.year, [...(years.get(hit.citation.year) ?? []), line]);
  }
  const lines: string[] = [];
  for (const [org, years] of offices) {
    if (offices.size > 1) lines.push(`【${org || '未标明单位'}】`);
    for (const [year, parts] of years) lines.push(`${year ? `${year}年\uFF1A` : ''}${parts.join('。')}。`);
  }
  return lines.join('\n');
}

/** The passages that answer a descriptive question: every one covering enough of the topic. */
export function descriptiveHits(hits: SearchHit[], topic: TopicWords): SearchHit[] {
  return hits.filter((hit) => coverage(topic, hit.text) >= minCoverage);
}
