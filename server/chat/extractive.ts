/**
 * Offline passage answers: the sentences of the retrieved passages that best cover the question,
 * lightly joined, each followed by its citation; and the honest "not found" answer that shows the
 * closest passages instead. Pure.
 */
import type { SearchHit } from '../retrieve/index.ts';
import { splitSentences } from '../text/index.ts';
import type { CitationBook } from './citations.ts';
import { coverage, minCoverage, type TopicWords } from './relevance.ts';
import type { Understanding } from './types.ts';

/** How many sentences an extractive answer quotes at most. */
const maxSentences = 3;
/** Passages considered for the answer, best first. */
const maxPassages = 3;

/** Any written number: digits or Chinese numerals. */
const numeral = /[0-9０-９一二两三四五六七八九十百千万亿]/;

interface Candidate {
  hit: SearchHit;
  rank: number;
  start: number;
  text: string;
  score: number;
}

/** The passages that answer: those covering enough of the topic, in retrieval order. */
export function answeringHits(hits: SearchHit[], topic: TopicWords): SearchHit[] {
  return hits.slice(0, maxPassages).filter((hit) => coverage(topic, hit.text) >= minCoverage);
}

/** A quoted sentence without its closing punctuation. */
export const trimEnd = (s: string): string => s.replace(/[。;\uFF1B,\uFF0C、:\uFF1A\s]+$/u, '');

/**
 * The extractive answer from the passages that answer (see answeringHits), or null when none does.
 * @example composeExtractive(u, hits, topicWords('独居老人关爱'), book)
 * // '2016年:建立甘泉社区独居老人动态数据库,组建“独居老人结对关爱联盟”,…[1]。'
 */
export function composeExtractive(
  u: Understanding,
  hits: SearchHit[],
  topic: TopicWords,
  book: CitationBook,
): string | null {
  const answering = answeringHits(hits, topic);
  if (answering.length === 0) return null;
  const candidates: Candidate[] = answering.flatMap((hit, rank) =>
    splitSentences(hit.text).map((span) => {
      const text = hit.text.slice(span.start, span.end);
      return { hit, rank, start: span.start, text, score: coverage(topic, text) };
    }),
  );
  const best = Math.max(...candidates.map((c) => c.score));
  // A footnote that explains the term asked about is the answer as a whole.
  const note = u.asksDefinition && answering[0].citation.section === 'footnote';
  const chosen = note
    ? candidates.filter((c) => c.rank === 0).slice(0, maxSentences)
    : candidates
        .filter((c) => c.score > 0 && c.score >= best * 0.5)
        .sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start)
        .slice(0, maxSentences);
  // A paragraph's short topic sentence (丰富为老服务内涵。) says little alone: the next one says what was done.
  for (const c of [...chosen]) {
    if (c.start > 0 || c.text.length >= 15 || chosen.length >= maxSentences) continue;
    const next = candidates.find((d) => d.hit === c.hit && d.start > c.start);
    if (next && !chosen.includes(next)) chosen.push(next);
  }
  if (chosen.length === 0) chosen.push(...candidates.filter((c) => c.rank === 0).slice(0, 2));
  // A figure was asked for: some sentence on the topic must state one, or the passages do not answer.
  if (u.numeric && !chosen.some((c) => c.score >= minCoverage && numeral.test(c.text))) return null;
  chosen.sort((a, b) => a.hit.citation.year - b.hit.citation.year || a.rank - b.rank || a.start - b.start);

  const byYear = new Map<number, string[]>();
  for (const c of chosen) {
    const year = c.hit.citation.year;
    byYear.set(year, [...(byYear.get(year) ?? []), `${trimEnd(c.text)}[${book.cite(c.hit)}]`]);
  }
  const years = [...byYear.keys()];
  const lead = u.asksWhen && years[0] ? `语料中最早的相关记载见于${years[0]}年的报告。\n` : '';
  const body = [...byYear]
    .map(([year, sentences]) => `${year ? `${year}年:` : ''}${sentences.join('。')}。`)
    .join('\n');
  return `${lead}${body}`;
}

/** How much of a closest passage "not found" quotes. */
const snippetChars = 60;

/** Why nothing was found, for the first line of the answer. */
export interface NotFoundScope {
  /** The office asked about is not in the corpus; `known` lists the offices that are. */
  unknownOrg?: { org: string; known: readonly string[] };
  /** The corpus holds no reports or ledger at all. */
  emptyCorpus?: boolean;
}

/**
 * The honest answer when the corpus does not say: 语料中没有找到…, then the closest passages, cited.
 * @example composeNotFound(u, closest, book, {}) // '语料中没有找到能回答“河长制如何开展”的内容。\n最接近的段落…'
 */
export function composeNotFound(
  u: Understanding,
  closest: SearchHit[],
  book: CitationBook,
  scope: NotFoundScope,
): string {
  if (scope.emptyCorpus) {
    return '语料中没有找到任何报告或台账:请先导入往年报告(govdraft ingest)和统计台账(govdraft ledger import)。';
  }
  const years =
    u.years.length === 0
      ? ''
      : u.years.length <= 2
        ? u.years.map((y) => `${y}年`).join('和')
        : `${u.years[0]}—${u.years[u.years.length - 1]}年`;
  const lines: string[] = [];
  if (scope.unknownOrg) {
    const known = scope.unknownOrg.known.join('、');
    lines.push(
      `语料中没有找到${scope.unknownOrg.org}的报告或台账${known ? `(现有语料来自:${known})` : ''},无法回答“${u.question}”。`,
    );
  } else {
    lines.push(
      `语料中没有找到能回答“${u.question.replace(/[?\uFF1F。]+$/u, '')}”的内容${years ? `(查找范围:${years})` : ''}。`,
    );
  }
  if (closest.length > 0) {
    lines.push('最接近的段落(仅供参考,并不回答这个问题):');
    for (const hit of closest) {
      const label = `《${hit.citation.reportTitle}》${hit.citation.year ? `(${hit.citation.year}年)` : ''}`;
      const text = hit.text.length > snippetChars ? `${hit.text.slice(0, snippetChars)}…` : hit.text;
      lines.push(`[${book.cite(hit)}] ${label}${text}`);
    }
  }
  return lines.join('\n');
}
