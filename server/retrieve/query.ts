/**
 * Question words and fillers that say "this is a question" but nothing about the answer; left in, they
 * match every passage that happens to contain 一年 or 情况 and push the real matches down.
 */
const fillers = [
  '请问',
  '哪一年',
  '哪年',
  '哪些',
  '哪个',
  '哪里',
  '多少',
  '什么',
  '怎么样',
  '怎样',
  '怎么',
  '如何',
  '是否',
  '有没有',
  '有哪些',
  '是谁',
  '吗',
  '呢',
  '了',
];

const fillerPattern = new RegExp(
  `${[...fillers].sort((a, b) => b.length - a.length).join('|')}|[\\p{P}\\p{S}]`,
  'gu',
);

/**
 * The searchable part of a question: fillers and punctuation replaced by spaces, runs of spaces
 * collapsed. Falls back to the trimmed question when nothing else is left.
 * @example searchTerms('哪一年拆除违法建筑154处?') // '拆除违法建筑154处'
 */
export function searchTerms(question: string): string {
  const terms = question.replace(fillerPattern, ' ').replace(/\s+/g, ' ').trim();
  return terms || question.trim();
}
