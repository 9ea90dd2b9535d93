import { bigrams, segment } from '../text/index.ts';

/** A text's jieba words and character bigrams, as found (not lower-cased). */
export interface Tokens {
  readonly words: readonly string[];
  readonly pairs: readonly string[];
}

const remembered = new Map<string, Tokens>();
/** Texts remembered: more than an embedding batch (256), so ingest's second ask always hits. */
const capacity = 1024;

/**
 * The words and bigrams of `text`. Ingest asks twice for each chunk — the lexical embedder, then the
 * full-text terms — and cutting is most of the cost of both (~0.6 ms a chunk on a busy machine), so
 * the last texts' tokens are remembered.
 */
export function tokensOf(text: string): Tokens {
  const hit = remembered.get(text);
  if (hit) return hit;
  const tokens = { words: segment(text), pairs: bigrams(text) };
  remembered.set(text, tokens);
  if (remembered.size > capacity) remembered.delete(remembered.keys().next().value as string);
  return tokens;
}
