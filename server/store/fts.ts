import { Index } from '@lancedb/lancedb';
import { segment } from '../text/segment.ts';

/**
 * Full-text indexes of the chunks table, by column (fresh objects each call: LanceDB consumes an
 * Index when it builds it). The default tokenizer finds nothing in Chinese, so `text` gets a
 * character-bigram index and `words` (a jieba-segmented copy) a whitespace index. English stemming
 * and stop words are off: they would only damage the Chinese tokens.
 */
export const ftsIndexes = (): Record<'text' | 'words', Index> => ({
  text: Index.fts({
    baseTokenizer: 'ngram',
    ngramMinLength: 2,
    ngramMaxLength: 2,
    prefixOnly: false,
    stem: false,
    removeStopWords: false,
  }),
  words: Index.fts({ baseTokenizer: 'whitespace', lowercase: true, stem: false, removeStopWords: false }),
});

/**
 * The jieba words of a text, space-joined, for the whitespace-tokenized `words` column (and queries on it).
 * @example wordsOf('拆除违法建筑154处') // '拆除 违法 建筑 违法建筑 154 处'
 */
export function wordsOf(text: string): string {
  return segment(text).join(' ').toLowerCase();
}
