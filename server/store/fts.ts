import { tokensOf } from './tokens.ts';

/** The chunks column holding the search terms of a chunk's text, and the one full-text index on it. */
export const termsColumn = 'terms';

/**
 * Marks a character bigram, so the bigram 违法 and the jieba word 违法 stay two terms: BM25 over the
 * column then sums a words score and a bigrams score, as the two separate indexes of 0.1 did.
 */
const bigramMark = '_';

/**
 * The search terms of a text, for the `terms` column and for queries on it: jieba words (search mode),
 * then character bigrams marked with `_`, lower-cased, space-joined.
 * @example termsOf('拆除违法建筑154处') // '拆除 违法 建筑 154 处 _拆除 _除违 _违法 _法建 _建筑 _筑1 _15 _54 _4处'
 */
export function termsOf(text: string): string {
  const { words, pairs } = tokensOf(text);
  return [...words, ...pairs.map((pair) => bigramMark + pair)].join(' ').toLowerCase();
}
