import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

let jieba: Jieba | null = null;

/**
 * The shared jieba segmenter, made on first use: the native module and the dictionary (~0.15 s to
 * load) cost nothing to commands that never segment. The package's own `dict.js` would also read
 * idf.txt (6 MB) that segmentation never uses, so dict.txt is read alone.
 */
function segmenter(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const native = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  jieba = native.Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
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
