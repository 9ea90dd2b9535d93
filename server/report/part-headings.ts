import type { Span } from '../text/index.ts';
import { type Block, sentenceEnd } from './blocks.ts';
import {
  familyRank,
  isClosingHeading,
  type MarkerFamily,
  matchMarker,
  maxHeadingLength,
} from './headings.ts';
import { labelsAStatement, runInHeading } from './run-in.ts';

/** A block that can open a part: a marker heading, a run-in heading, or a formatted heading. */
export interface HeadingCandidate {
  block: number;
  /** The marker family, or `h<level>` for headings a formatted source marked. */
  family: string;
  number: number;
  marker: string;
  title: string;
  /** The heading's own span; shorter than the block for a run-in heading (一、加强领导。各单位…). */
  span: Span;
  /** Where the paragraph after a run-in heading starts, or null. */
  rest: Span | null;
  closing: boolean;
}

/** Reads a block as a part heading when its marker and length allow it. */
export function headingCandidate(blocks: Block[], index: number): HeadingCandidate | null {
  const block = blocks[index];
  if (block.kind !== 'text') return null;
  const marker = matchMarker(block.text);
  if (block.level > 0) {
    const title = marker ? block.text.slice(marker.bodyOffset) : block.text;
    return {
      block: index,
      family: `h${block.level}`,
      number: marker?.number ?? 0,
      marker: marker?.marker ?? '',
      title: title.replace(/[。:\uFF1A]$/, ''),
      span: { start: block.start, end: block.end },
      rest: null,
      closing: isClosingHeading(title),
    };
  }
  if (!marker) return null;
  const body = block.text.slice(marker.bodyOffset);
  const base = { block: index, family: marker.family, number: marker.number, marker: marker.marker };
  const endMatch = sentenceEnd.exec(body);
  const plain =
    body.length <= maxHeadingLength &&
    (!endMatch || endMatch.index === body.length - 1) &&
    !labelsAStatement(body);
  if (plain) {
    const title = body.replace(/[。!?\uFF01\uFF1F:\uFF1A]$/, '').trim();
    if (!title) return null;
    return {
      ...base,
      title,
      span: { start: block.start, end: block.end },
      rest: null,
      closing: isClosingHeading(title),
    };
  }
  const runIn = runInHeading(body);
  if (!runIn) return null;
  const headingEnd = block.start + marker.bodyOffset + runIn.end;
  const restStart = block.start + marker.bodyOffset + runIn.rest;
  const title = runIn.title;
  return {
    ...base,
    title,
    span: { start: block.start, end: headingEnd },
    rest: { start: restStart, end: block.end },
    closing: isClosingHeading(title),
  };
}

/**
 * The candidates that open the parts, in order: the outermost family (formatted headings first,
 * then 第一部分 > 一、 > (一) > 1. > (1)) that has two or more non-closing headings numbered in
 * sequence; acceptance stops at the first closing heading. Failing that, the one plain heading
 * numbered 1 of its family (a page cut off after it). Empty when the report has no headings.
 */
export function choosePartHeadings(candidates: HeadingCandidate[]): {
  family: string;
  accepted: HeadingCandidate[];
} {
  const levels = [...new Set(candidates.filter((c) => c.family.startsWith('h')).map((c) => c.family))].sort();
  for (const family of [...levels, ...familyRank]) {
    const accepted: HeadingCandidate[] = [];
    for (const candidate of candidates) {
      if (candidate.family !== family) continue;
      if (candidate.closing) break;
      const last = accepted.at(-1);
      const inSequence = family.startsWith('h') || !last || candidate.number === last.number + 1;
      if (inSequence && (last || family.startsWith('h') || candidate.rest === null || candidate.number === 1))
        accepted.push(candidate);
    }
    if (accepted.length >= 2) return { family, accepted };
  }
  // A page cut off after its first heading: a lone plain (一) / 一、 / 第一部分 heading is a part.
  const lone = candidates.find(
    (c) =>
      c.number === 1 && c.rest === null && !c.closing && ['section', 'cn', 'cn-paren'].includes(c.family),
  );
  return lone && candidates.every((c) => c.family !== lone.family || c === lone)
    ? { family: lone.family, accepted: [lone] }
    : { family: '', accepted: [] };
}

/** True when the family ranks above the chosen parts family (an outer heading such as 一、工作回顾). */
export function isOuterFamily(family: string, partsFamily: string): boolean {
  if (family.startsWith('h') || partsFamily.startsWith('h')) {
    return family.startsWith('h') && partsFamily.startsWith('h') && family < partsFamily;
  }
  return familyRank.indexOf(family as MarkerFamily) < familyRank.indexOf(partsFamily as MarkerFamily);
}
