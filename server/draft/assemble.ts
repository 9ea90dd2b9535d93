/**
 * Drafting from this year's materials: last year's report gives the structure and the voice, the
 * materials the content, the ledger the figures. The material sentences of work done are put in the
 * report's voice and checked against the ledger (the ledger wins), near-duplicates from several
 * departments folded together, each placed in the paragraph of last year's structure it fits best
 * (found by retrieval with the paragraph's part title and topic sentence), and each paragraph rebuilt
 * around last year's topic sentence; last year's sentences no material supports are marked
 * 〖沿用上年·待更新：…〗; material that fits no paragraph becomes a new paragraph of the part it fits,
 * or a candidate new part. Never invents: every sentence is a material's, last year's or the ledger's,
 * and says so in its trace. Pure.
 */
import type { LedgerRecord } from '../figures/index.ts';
import type { MaterialChunk } from '../store/index.ts';
import { composeParagraph } from './assemble-compose.ts';
import { mergeDuplicates } from './assemble-dedup.ts';
import { Vocabulary } from './assemble-fit.ts';
import { type LeftSentence, leftoverParts } from './assemble-leftovers.ts';
import { type PlaceTarget, placeSentences } from './assemble-place.ts';
import { prepareSentences, type ReadySentence } from './assemble-sentences.ts';
import type { DraftMaterials } from './trace-types.ts';
import type { DraftPart } from './types.ts';

/** This year's materials as drafting gets them. */
export interface MaterialsInput {
  year: number;
  /** The stored sentences of the materials to draft from (every kind; only work done is used). */
  chunks: readonly MaterialChunk[];
  /** For last year's paragraph n (Paragraph.index), the material sentence ids its query found, best first. */
  retrieved: ReadonlyMap<number, readonly string[]>;
}

/** The parts rebuilt from the materials, the ledger metrics they state, and what was used. */
export interface Assembled {
  parts: DraftPart[];
  /** Ledger metrics the material sentences state: no need for a new-metric sentence about them. */
  metrics: string[];
  materials: DraftMaterials;
}

/** The paragraphs of last year's structure the materials may go to. */
function targetsOf(parts: readonly DraftPart[]): PlaceTarget[] {
  return parts.flatMap((part) =>
    part.paragraphs
      .filter((p) => p.sourceParagraph !== null && p.sourceText !== null)
      .map((p) => ({
        id: p.id,
        partId: part.id,
        paragraph: p.sourceParagraph ?? -1,
        text: `${part.title}\n${p.sourceText}`,
        metrics: p.figures.flatMap((f) => (f.metric && f.status !== 'pending' ? f.metric.split('、') : [])),
      })),
  );
}

/** What the draft used of each material, and what it left out. */
function summaryOf(
  input: MaterialsInput,
  emitted: readonly ReadySentence[],
  unused: DraftMaterials['unused'],
  conflicts: DraftMaterials['conflicts'],
): DraftMaterials {
  const used = new Set(emitted.flatMap((s) => [s.chunk.id, ...s.merged.map((m) => m.id)]));
  const files = new Map<string, DraftMaterials['files'][number]>();
  for (const c of input.chunks) {
    const file = files.get(c.materialId) ?? {
      id: c.materialId,
      fileName: c.fileName,
      department: c.department,
      content: 0,
      used: 0,
      flagged: false,
    };
    if (c.kind === 'content') file.content++;
    if (used.has(c.id)) file.used++;
    if (
      c.figures.some((f) => f.verdict === 'contradicted') ||
      conflicts.some((x) => x.materialId === c.materialId)
    )
      file.flagged = true;
    files.set(c.materialId, file);
  }
  return { year: input.year, files: [...files.values()], conflicts, unused };
}

/**
 * Rebuilds the carried parts from the materials (see the module comment). `ledger` holds the draft's
 * year and the year before.
 */
export function assembleMaterials(
  parts: readonly DraftPart[],
  input: MaterialsInput,
  ledger: readonly LedgerRecord[],
  year: number,
): Assembled {
  const prepared = prepareSentences(input.chunks, ledger, year);
  const sentences = mergeDuplicates(prepared.sentences);
  const targets = targetsOf(parts);
  const fits = placeSentences(sentences, targets, input.retrieved);
  const vocabulary = new Vocabulary(targets.map((t) => t.text));
  const given = new Map<string, ReadySentence[]>();
  const left: LeftSentence[] = [];
  sentences.forEach((s, i) => {
    const fit = fits[i];
    if (fit?.placed) given.set(targets[fit.target].id, [...(given.get(targets[fit.target].id) ?? []), s]);
    else {
      const part = fit ? parts.findIndex((p) => p.id === targets[fit.target].partId) : -1;
      left.push({ sentence: s, part, score: fit?.score ?? 0 });
    }
  });
  const rebuilt = parts.map((part) => ({
    ...part,
    paragraphs: part.paragraphs.map((p) =>
      targets.some((t) => t.id === p.id)
        ? composeParagraph(p, given.get(p.id) ?? [], vocabulary, ledger, year)
        : p,
    ),
  }));
  const leftovers = leftoverParts(rebuilt, left, ledger, year);
  const emitted = [...[...given.values()].flat(), ...leftovers.placed];
  const unused = prepared.dropped.map(({ chunk, reason }) => ({
    materialId: chunk.materialId,
    fileName: chunk.fileName,
    department: chunk.department,
    text: chunk.text,
    reason,
  }));
  return {
    parts: leftovers.parts,
    metrics: [...new Set(emitted.flatMap((s) => s.metrics))],
    materials: summaryOf(input, emitted, unused, prepared.conflicts),
  };
}
