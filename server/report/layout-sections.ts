/**
 * The layout of a report with outer sections (一、2023年工作回顾 (一)… 二、存在的问题 三、2024年工作思路
 * (一)…): each section's parts under it with the section's kind; a problems section's text is the
 * closing; a plan section's items stay parts of kind 'plan'. What a section says before its first part
 * is the report's opening for the first section, else a part without heading of that section.
 */
import type { Block } from './blocks.ts';
import {
  closingCue,
  type Draft,
  emptyHeading,
  type Layout,
  type PartDraft,
  splitClosing,
  splitUnheaded,
  textBlocks,
  toDraft,
} from './layout-drafts.ts';
import type { HeadingCandidate } from './part-headings.ts';
import { type Levels, sectionKind } from './sections.ts';
import type { SectionKind } from './types.ts';

interface OpenSection {
  heading: HeadingCandidate;
  kind: SectionKind;
  intro: Draft[];
  parts: PartDraft[];
}

/** Part headings of the inner family, numbered in sequence inside their section ((一)(二) restart at 三、). */
function acceptedParts(candidates: HeadingCandidate[], levels: Levels): Set<number> {
  const accepted = new Set<number>();
  let last = 0;
  for (const c of candidates) {
    if (c.family === levels.outer) last = 0;
    else if (
      c.family === levels.inner &&
      (c.number === last + 1 || c.number === 1 || c.family.startsWith('h'))
    ) {
      accepted.add(c.block);
      last = c.number;
    }
  }
  return accepted;
}

/** The drafts a run-in heading leaves as a paragraph after itself. */
const restOf = (c: HeadingCandidate): Draft[] =>
  c.rest ? [{ span: c.rest, heading: false, bodyOffset: 0 }] : [];

/** Walks the body: preamble, sections with their intros and parts, closing. */
function walk(
  blocks: Block[],
  body: number[],
  candidates: HeadingCandidate[],
  levels: Levels,
): { preamble: Draft[]; loose: PartDraft[]; sections: OpenSection[]; closing: Draft[]; notes: Block[] } {
  const byBlock = new Map(candidates.map((c) => [c.block, c]));
  const parts = acceptedParts(candidates, levels);
  const out = {
    preamble: [] as Draft[],
    loose: [] as PartDraft[],
    sections: [] as OpenSection[],
    closing: [] as Draft[],
    notes: [] as Block[],
  };
  let section: OpenSection | null = null;
  let part: PartDraft | null = null;
  for (const [i, b] of textBlocks(blocks, body, out.notes)) {
    const candidate = byBlock.get(i);
    if (candidate?.family === levels.outer) {
      section = { heading: candidate, kind: sectionKind(candidate.title), intro: [], parts: [] };
      out.sections.push(section);
      part = null;
      if (section.kind === 'problems') out.closing.push({ ...toDraft(b, candidate), heading: true });
      (section.kind === 'problems' ? out.closing : section.intro).push(...restOf(candidate));
      continue;
    }
    const draft = toDraft(b, candidate);
    if (section?.kind === 'problems') {
      out.closing.push(draft);
      continue;
    }
    if (candidate && parts.has(i)) {
      const kind = section?.kind ?? 'review';
      part = { heading: candidate, drafts: restOf(candidate), kind, section: null };
      (section ? section.parts : out.loose).push(part);
      continue;
    }
    if (part) part.drafts.push(draft);
    else if (section) section.intro.push(draft);
    else out.preamble.push(draft);
  }
  return out;
}

/** Lays out a report with outer sections (see the module comment). */
export function layoutSections(
  text: string,
  blocks: Block[],
  body: number[],
  candidates: HeadingCandidate[],
  levels: Levels,
): Layout {
  const walked = walk(blocks, body, candidates, levels);
  const layout: Layout = {
    preamble: walked.preamble,
    parts: [],
    sections: [],
    closing: [],
    footnoteBlocks: walked.notes,
  };
  const addPart = (p: PartDraft, section: number | null): number => {
    layout.parts.push({ ...p, section });
    return layout.parts.length - 1;
  };
  for (const p of walked.loose) addPart(p, null);
  walked.sections.forEach((s, n) => {
    const number = n + 1;
    const positions: number[] = [];
    const unheaded = (drafts: Draft[]): void => {
      if (drafts.length === 0) return;
      const heading = emptyHeading(drafts[0].span.start);
      positions.push(addPart({ heading, drafts, kind: s.kind, section: number }, number));
    };
    const opening = layout.parts.length === 0 && s.kind !== 'problems';
    if (opening && s.parts.length === 0) {
      const split = splitUnheaded(text, s.intro);
      layout.preamble.push(...split.preamble);
      unheaded(split.body);
    } else if (opening) layout.preamble.push(...s.intro);
    else unheaded(s.intro);
    for (const p of s.parts) positions.push(addPart(p, number));
    layout.sections.push({ heading: s.heading, kind: s.kind, parts: positions });
  });
  layout.closing = walked.closing;
  if (!walked.sections.some((s) => s.kind === 'problems')) moveClosingCue(text, layout);
  return layout;
}

/** Without a problems section, the shortcomings at the end of the last review part are the closing. */
function moveClosingCue(text: string, layout: Layout): void {
  const last = layout.parts.findLast((p) => p.kind === 'review');
  if (!last?.drafts.some((d) => closingCue.test(text.slice(d.span.start, d.span.end)))) return;
  const tail = splitClosing(text, last.drafts, 1);
  last.drafts = tail.body;
  layout.closing = [...tail.closing, ...layout.closing];
}
