/**
 * Material that fits no paragraph of last year's structure well enough to join it: each material
 * paragraph's leftover sentences become a new paragraph of the part their best-fitting sentence
 * leans to, or — when they lean to none — of one candidate new part (其他工作（待定）) at the end,
 * for the writer to keep, rename or fold in.
 * Pure.
 */
import type { LedgerRecord } from '../figures/index.ts';
import { topicSentence } from '../report/index.ts';
import { joinPieces, materialPiece } from './assemble-compose.ts';
import type { ReadySentence } from './assemble-sentences.ts';
import type { DraftParagraph, DraftPart } from './types.ts';

/** The placing score (see assemble-place.ts) from which a leftover leans to a part. */
const minPartFit = 0.15;

/** A sentence no paragraph took, with the part (index) of the paragraph it fits best and how well (0–1). */
export interface LeftSentence {
  sentence: ReadySentence;
  part: number;
  score: number;
}

/** The parts with the leftovers placed, and the sentences placed. */
export interface Leftovers {
  parts: DraftPart[];
  placed: ReadySentence[];
}

/** The title of the candidate part; written with escapes (editors fold full-width brackets). */
const candidateTitle = '\u5176\u4ED6\u5DE5\u4F5C\uFF08\u5F85\u5B9A\uFF09';

/** The leftover sentences grouped by material paragraph, in material order. */
function groups(left: readonly LeftSentence[]): LeftSentence[][] {
  const byKey = new Map<string, LeftSentence[]>();
  for (const s of left) {
    const key = `${s.sentence.chunk.materialId}:${s.sentence.chunk.paragraph}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return [...byKey.values()];
}

/** A new paragraph written from one group. */
function paragraphOf(
  id: string,
  group: readonly ReadySentence[],
  ledger: readonly LedgerRecord[],
  year: number,
): DraftParagraph {
  const joined = joinPieces(
    group.map((s, i) => materialPiece(s, ledger, year, i, ['今年材料中的新内容\uFF0C上年报告没有相应段落'])),
  );
  return {
    id,
    ...joined,
    topic: topicSentence(joined.text),
    origin: 'materials',
    sourceParagraph: null,
    sourceText: null,
  };
}

/**
 * Places leftover sentences (see the module comment) in `parts`, adding the candidate part when some
 * lean to no part.
 */
export function leftoverParts(
  parts: readonly DraftPart[],
  left: readonly LeftSentence[],
  ledger: readonly LedgerRecord[],
  year: number,
): Leftovers {
  const out = parts.map((part) => ({ ...part, paragraphs: [...part.paragraphs] }));
  const candidate: DraftPart = {
    id: 'materials-new',
    marker: '',
    title: candidateTitle,
    sourcePart: null,
    paragraphs: [],
    newMetrics: [],
    candidate: true,
  };
  for (const group of groups(left)) {
    const best = group.reduce((b, s) => (s.score > b.score ? s : b));
    const sentences = group.map((s) => s.sentence);
    const part = best.score >= minPartFit && best.part >= 0 ? out[best.part] : candidate;
    const id = `m-${part.sourcePart ?? part.id}-${part.paragraphs.length + 1}`;
    part.paragraphs.push(paragraphOf(id, sentences, ledger, year));
  }
  return {
    parts: candidate.paragraphs.length > 0 ? [...out, candidate] : out,
    placed: left.map((s) => s.sentence),
  };
}
