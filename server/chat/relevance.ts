/**
 * Whether a passage answers a question at all: the share of the topic's content words (weighted by
 * length, generic words left out) that a text contains. Retrieval always returns its nearest
 * passages; this is what lets chat say "not found" instead of quoting something unrelated.
 */
import { bigrams, segment } from '../text/index.ts';

/** A passage must cover at least this share of the topic to count as an answer. */
export const minCoverage = 0.6;

/** Words every work report uses: they say nothing about which passage answers. */
const generic = new Set([
  '工作',
  '街道',
  '社区',
  '开展',
  '情况',
  '方面',
  '措施',
  '举措',
  '做法',
  '主要',
  '进行',
  '相关',
  '内容',
  '成效',
  '成绩',
  '取得',
  '具体',
  '年度',
  '全年',
  '报告',
  '总结',
  '开始',
  '采取',
  '行动',
  '一些',
  '怎么样',
  '如何',
  '怎样',
  '哪些',
  '什么',
  '有',
  '做',
  '是',
  '的',
  '了',
  '建',
  '搞',
  '年',
]);

/** A topic's content words with their weights (a word's length, at most 4). */
export interface TopicWords {
  words: Map<string, number>;
  total: number;
}

/**
 * The content words of a topic, without generic ones and without the office's own names.
 * @example topicWords('独居老人关爱措施', []) // 独居 老人 关爱
 */
export function topicWords(topic: string, ignore: readonly string[] = []): TopicWords {
  const words = new Map<string, number>();
  for (const word of segment(topic)) {
    if (generic.has(word) || ignore.includes(word) || /^[0-9]+$/.test(word)) continue;
    words.set(word, Math.min(word.length, 4));
  }
  let total = 0;
  for (const w of words.values()) total += w;
  return { words, total };
}

/**
 * How much of a word a text holds: 1 when it contains the word; for longer words the share of their
 * character pairs it contains (jieba cuts 五违四必 into 五 / 违四必, the text writes “五违”…“四必”).
 */
function found(word: string, text: string): number {
  if (text.includes(word)) return 1;
  if (word.length < 3) return 0;
  const pairs = bigrams(word);
  return pairs.filter((pair) => text.includes(pair)).length / pairs.length;
}

/** The share (0–1) of the topic's weighted words a text contains; 1 when the topic has none. */
export function coverage(topic: TopicWords, text: string): number {
  if (topic.total === 0) return 1;
  let sum = 0;
  for (const [word, weight] of topic.words) sum += weight * found(word, text);
  return sum / topic.total;
}
