import { splitSentences } from '../text/index.ts';

/** Footnote marks such as [1] or [2] inside running text. */
export const footnoteMarkPattern = /[[\uFF3B](\d{1,2})[\]\uFF3D]/g;

/** Longest topic sentence, in characters without footnote marks: topic sentences read like headings. */
export const maxTopicLength = 24;

/**
 * The topic sentence that opens a paragraph, or null. Rule: the first sentence ends in 。 (or !),
 * is at most 24 characters once footnote marks are removed, has no comma, semicolon, colon or digit
 * (those make it a statement of fact, not a heading), and the paragraph goes on after it.
 * @example topicSentence('丰富为老服务内涵。完成甘泉快捷照护站。') // '丰富为老服务内涵。'
 * @example topicSentence('全年失业控制数为2285人,帮助创业38家。') // null
 */
export function topicSentence(paragraph: string): string | null {
  const first = splitSentences(paragraph)[0];
  if (!first) return null;
  const sentence = paragraph.slice(first.start, first.end);
  if (!/[。!\uFF01]$/.test(sentence)) return null;
  const bare = sentence.replace(footnoteMarkPattern, '');
  if (bare.length > maxTopicLength || /[,\uFF0C;\uFF1B:\uFF1A\d\uFF10-\uFF19]/.test(bare)) return null;
  if (paragraph.slice(first.end).trim().length === 0) return null;
  return sentence;
}

/** Endings of a complete paragraph: sentence and clause ends, closing quotes and brackets. */
const completeEnding = /[。!?\uFF01\uFF1F…;\uFF1B:\uFF1A”’」』)\uFF09】\]》.]$/;

/** Paragraphs this short without end punctuation are labels (a signature, a date), not cut off. */
const minCutLength = 25;

/**
 * True when the paragraph stops mid-sentence: long enough to be prose, yet it ends on a word or a
 * comma instead of sentence punctuation (the seed's 廉政建设 paragraph ends in 做到层层抓).
 */
export function isTruncated(paragraph: string): boolean {
  const text = paragraph.replace(/(\s*[[\uFF3B]\d{1,2}[\]\uFF3D])+\s*$/, '').trim();
  if (text.length < minCutLength) return false;
  return !completeEnding.test(text);
}
