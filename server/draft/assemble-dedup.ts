/**
 * Near-identical sentences from several materials (a department and a 居委 both report the same
 * project) become one: the one that says more stays, the others are folded into it as its sources.
 * Pure.
 */
import { gramsOf, overlap } from './assemble-fit.ts';
import type { ReadySentence } from './assemble-sentences.ts';

/** Bigram overlap from which two sentences say the same thing. */
const sameJaccard = 0.55;
/** Share of the shorter sentence the longer one holds from which it says everything the shorter does. */
const sameContained = 0.8;

/** True when two sentences' figures cannot both be right about the same metric. */
function figuresDisagree(a: ReadySentence, b: ReadySentence): boolean {
  return a.figures.some((fa) =>
    b.figures.some((fb) => fa.metric !== null && fa.metric === fb.metric && fa.value !== fb.value),
  );
}

/** Which of two duplicates stays: more figures, then more text, then the first given. */
function richer(a: ReadySentence, b: ReadySentence): boolean {
  return (
    b.figures.length > a.figures.length ||
    (b.figures.length === a.figures.length && b.text.length > a.text.length)
  );
}

/**
 * The sentences with near-duplicates (from different materials) folded together, in the order given.
 * @example mergeDuplicates([fromManagement, fromNeighbourhood]) // one sentence, the other in `merged`
 */
export function mergeDuplicates(sentences: readonly ReadySentence[]): ReadySentence[] {
  const grams = sentences.map((s) => gramsOf(s.text));
  const kept: number[] = [];
  const out = sentences.map((s) => ({ ...s, merged: [...s.merged], notes: [...s.notes] }));
  for (let i = 0; i < out.length; i++) {
    const twin = kept.find((k) => {
      if (out[k].chunk.materialId === out[i].chunk.materialId || figuresDisagree(out[k], out[i]))
        return false;
      const { jaccard, contained } = overlap(grams[k], grams[i]);
      return jaccard >= sameJaccard || contained >= sameContained;
    });
    if (twin === undefined) {
      kept.push(i);
      continue;
    }
    const [stay, fold] = richer(out[twin], out[i]) ? [i, twin] : [twin, i];
    out[stay].merged.push(out[fold].chunk, ...out[fold].merged);
    out[stay].notes.push(`与${out[fold].chunk.department}材料中的句子内容相同\uFF0C已合并`);
    if (stay === i) kept[kept.indexOf(twin)] = i;
  }
  return kept.sort((a, b) => a - b).map((k) => out[k]);
}
