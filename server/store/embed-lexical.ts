import { tokensOf } from './tokens.ts';
import type { Embedder } from './types.ts';
import { unitVector } from './vector.ts';

/**
 * Feature weights. Words carry more meaning than bigrams; a figure (154, 139.76) is the most specific
 * thing a question about a work report can name, so a number counts double: without that, a short
 * paragraph repeating 拆除违法建筑 outranks the one that says 拆除违法建筑154处.
 */
const wordWeight = 1;
const numberWeight = 2;
const bigramWeight = 0.6;
const isNumber = /^\d+(\.\d+)?$/;

/** 32-bit FNV-1a over UTF-16 code units, finished with a murmur3 mix so low bits are well spread. */
function hash(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Term frequencies of the text's features; words and bigrams live in separate namespaces. */
function features(text: string): Map<string, { tf: number; weight: number }> {
  const out = new Map<string, { tf: number; weight: number }>();
  const add = (key: string, weight: number): void => {
    const seen = out.get(key);
    if (seen) seen.tf++;
    else out.set(key, { tf: 1, weight });
  };
  const { words, pairs } = tokensOf(text);
  for (const word of words) add(`w:${word.toLowerCase()}`, isNumber.test(word) ? numberWeight : wordWeight);
  for (const pair of pairs) add(`b:${pair.toLowerCase()}`, bigramWeight);
  return out;
}

/**
 * The lexical vector of a text: jieba words and character bigrams, feature-hashed into `dimensions`
 * buckets with a hash-derived sign (collisions cancel instead of piling up), sublinear tf, L2-normalised.
 * Deterministic; the zero vector for a text without words.
 * @example lexicalVector('拆除违法建筑154处', 1024).length // 1024
 */
export function lexicalVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [key, { tf, weight }] of features(text)) {
    const h = hash(key);
    const sign = h & 1 ? -1 : 1;
    vector[(h >>> 1) % dimensions] += sign * weight * (1 + Math.log(tf));
  }
  return unitVector(vector);
}

/** Texts embedded between two returns to the event loop (~1 ms each on a busy machine). */
const textsPerSlice = 32;

/**
 * The default embedder: local, no model weights, id `lexical-v1:<dimensions>`. A batch is embedded a
 * slice at a time with the event loop let run between slices: a whole batch at once blocked it for
 * seconds on a busy machine — long enough for the write lock's refresh to miss its deadline.
 */
export function createLexicalEmbedder(dimensions = 1024): Embedder {
  return {
    id: `lexical-v1:${dimensions}`,
    dimensions,
    embed: async (texts) => {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += textsPerSlice) {
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        for (const text of texts.slice(i, i + textsPerSlice)) vectors.push(lexicalVector(text, dimensions));
      }
      return vectors;
    },
  };
}
