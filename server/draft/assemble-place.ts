/**
 * Where each material sentence goes in last year's structure: the paragraph it fits best, judged by
 * the sentence's own words, the words of the material paragraph around it (its heading included),
 * whether the hybrid retrieval found it for that paragraph's query (part title + topic sentence), and
 * whether it states a ledger metric the paragraph states. A sentence that fits no paragraph well
 * enough is left over for a new paragraph, unless a sentence of its material paragraph was placed: it
 * follows that one. Pure.
 */
import { gramsOf, Vocabulary } from './assemble-fit.ts';
import type { ReadySentence } from './assemble-sentences.ts';

/** A paragraph of last year's structure a sentence may go to. */
export interface PlaceTarget {
  /** The draft paragraph's id. */
  id: string;
  partId: string;
  /** Last year's paragraph (Paragraph.index): the key of its retrieval results. */
  paragraph: number;
  /** Its part's title and last year's text. */
  text: string;
  /** Ledger metrics its carried figures state. */
  metrics: readonly string[];
}

/** Weights of the evidence, and how much a sentence must show to be placed. */
const weight = { own: 0.45, context: 0.35, retrieval: 0.2, metric: 0.5 };
const minOwn = 0.3;
const minScore = 0.3;
/** Retrieval rank at which its evidence has halved. */
const rankHalf = 5;

/** The key of a sentence's material paragraph. */
const paragraphKey = (s: ReadySentence): string => `${s.chunk.materialId}:${s.chunk.paragraph}`;

/** The bigrams of each material paragraph (its heading and every sentence of it that may be used). */
function contexts(sentences: readonly ReadySentence[]): Map<string, Set<string>> {
  const texts = new Map<string, string>();
  for (const s of sentences) {
    const key = paragraphKey(s);
    texts.set(key, `${texts.get(key) ?? s.chunk.heading}\n${s.text}`);
  }
  return new Map([...texts].map(([key, text]) => [key, gramsOf(text)]));
}

/** How one sentence fits one target (0 when it does not fit at all). */
export interface Fit {
  target: number;
  score: number;
  own: number;
  /** Whether it fits well enough to be placed in the target's paragraph (else: only its best guess). */
  placed: boolean;
}

/**
 * For each sentence, the target it fits best (index into `targets`; `placed` when it fits well
 * enough to go into that paragraph), or null when it shares nothing with any. `retrieved` maps last year's paragraph index to the material sentence ids its query found,
 * best first.
 */
export function placeSentences(
  sentences: readonly ReadySentence[],
  targets: readonly PlaceTarget[],
  retrieved: ReadonlyMap<number, readonly string[]>,
): (Fit | null)[] {
  const vocabulary = new Vocabulary(targets.map((t) => t.text));
  const targetGrams = targets.map((t) => gramsOf(t.text));
  const around = contexts(sentences);
  const fits = sentences.map((s) => {
    const own = gramsOf(s.text);
    const context = around.get(paragraphKey(s)) ?? own;
    const ids = [s.chunk.id, ...s.merged.map((m) => m.id)];
    let best: Fit | null = null;
    let guess: Fit | null = null;
    targets.forEach((target, t) => {
      const ranks = ids.map((id) => retrieved.get(target.paragraph)?.indexOf(id) ?? -1).filter((r) => r >= 0);
      const retrieval = ranks.length > 0 ? 1 / (1 + Math.min(...ranks) / rankHalf) : 0;
      const metric = s.metrics.some((m) => target.metrics.includes(m)) ? 1 : 0;
      const ownShare = vocabulary.share(own, targetGrams[t]);
      const score =
        weight.own * ownShare +
        weight.context * vocabulary.share(context, targetGrams[t]) +
        weight.retrieval * retrieval +
        weight.metric * metric;
      const fits = metric > 0 || (ownShare >= minOwn && score >= minScore);
      if (fits && (!best || score > best.score)) best = { target: t, score, own: ownShare, placed: true };
      if (score > 0 && (!guess || score > guess.score))
        guess = { target: t, score, own: ownShare, placed: false };
    });
    return best ?? guess;
  });
  return withSiblings(sentences, fits);
}

/**
 * A sentence that fits no paragraph well enough on its own follows the nearest sentence of its
 * material paragraph that was placed: a department writes one paragraph about one thing (信访维稳:
 * the figures, then 落实领导干部信访接待日制度…), and its sentences belong together.
 */
function withSiblings(sentences: readonly ReadySentence[], fits: readonly (Fit | null)[]): (Fit | null)[] {
  return fits.map((fit, i) => {
    if (fit?.placed) return fit;
    const key = paragraphKey(sentences[i]);
    let sibling: Fit | null = null;
    let distance = Number.POSITIVE_INFINITY;
    for (let j = 0; j < fits.length; j++) {
      const other = fits[j];
      if (!other?.placed || paragraphKey(sentences[j]) !== key || Math.abs(i - j) >= distance) continue;
      sibling = other;
      distance = Math.abs(i - j);
    }
    return sibling ? { ...sibling, score: fit?.score ?? 0, own: fit?.own ?? 0 } : fit;
  });
}
