/** The full-text index's settings, apart from `termsOf` (fts.ts): the store's front must not load LanceDB. */
import { Index } from '@lancedb/lancedb';

/**
 * The full-text index of the chunks table: LanceDB's default tokenizer finds nothing in Chinese, so
 * the terms are cut here (jieba words and character bigrams, space-joined) and the index only splits
 * on whitespace. One index answers in one query what took two (bigrams on `text`, words on `words`).
 * No positions (no phrase queries): the index builds ~3× faster. No stemming or stop words: they
 * would only damage Chinese tokens.
 */
export const ftsIndex = (): Index =>
  Index.fts({
    baseTokenizer: 'whitespace',
    lowercase: false,
    stem: false,
    removeStopWords: false,
    withPosition: false,
  });
