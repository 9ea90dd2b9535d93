import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

/** The shared jieba segmenter; the dictionary (~160 ms to load) is loaded once, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const wordLike = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * Splits Chinese text into words (search mode: long words also yield their parts), dropping
 * punctuation and whitespace.
 * @example segment('拆除违法建筑154处') // ['拆除', '违法', '建筑', '违法建筑', '154', '处']
 */
export function segment(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .filter((word) => wordLike.test(word));
}

/**
 * Splits Chinese text into words without the search mode's overlapping parts, dropping punctuation.
 * @example words('区级税收年度目标完成率') // ['区级', '税收', '年度', '目标', '完成率']
 */
export function words(text: string): string[] {
  return segmenter()
    .cut(text, true)
    .filter((word) => wordLike.test(word));
}

/** Character bigrams of the Han/letter/digit runs of a text: 违法建筑 → 违法 法建 建筑. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\p{Script=Han}\p{L}\p{N}]+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}
