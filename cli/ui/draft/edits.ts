/**
 * The writer's edits to the draft document, as pure functions: the UI applies one, shows it and saves
 * the draft through PUT /api/drafts/:id, which renumbers the parts and recomputes every paragraph's
 * derived fields (figure spans, pending counts, topics) — the UI never computes those itself.
 */

import type { Draft, DraftParagraph, DraftPart } from '../../../server/draft/index.ts';
import { mapParagraphs } from '../../../server/draft/index.ts';
import { type Branch, findParagraph, type OutlineRow } from './outline.ts';

/** What `e` edits, as data: the draft's title, a part's title or a paragraph's text. */
export type EditTarget =
  | { kind: 'title' }
  | { kind: 'part'; partId: string }
  | { kind: 'paragraph'; paragraphId: string };

/** The draft with a paragraph's text as the writer typed it. */
export function setParagraphText(draft: Draft, id: string, text: string): Draft {
  return mapParagraphs(draft, (p) => (p.id === id && p.text !== text ? { ...p, text, origin: 'writer' } : p));
}

/** The draft with a new title. */
export function setTitle(draft: Draft, title: string): Draft {
  return { ...draft, title };
}

/** The draft with a part's title (without its marker) changed. */
export function setPartTitle(draft: Draft, partId: string, title: string): Draft {
  return { ...draft, parts: draft.parts.map((p) => (p.id === partId ? { ...p, title } : p)) };
}

/** `list` with the item at `from` moved by `delta` places (unchanged when it would leave the list). */
function moved<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** The draft with a part moved down (+1) or up (−1); the save renumbers (一)…(六). */
export function movePart(draft: Draft, partId: string, delta: number): Draft {
  return {
    ...draft,
    parts: moved(
      draft.parts,
      draft.parts.findIndex((p) => p.id === partId),
      delta,
    ),
  };
}

/** The draft with a paragraph moved down or up within its part (or the preamble, or the closing). */
export function moveParagraph(draft: Draft, id: string, delta: number): Draft {
  const within = (list: DraftParagraph[]) =>
    moved(
      list,
      list.findIndex((p) => p.id === id),
      delta,
    );
  if (draft.preamble.some((p) => p.id === id)) return { ...draft, preamble: within(draft.preamble) };
  if (draft.closing.some((p) => p.id === id)) return { ...draft, closing: within(draft.closing) };
  return {
    ...draft,
    parts: draft.parts.map((part) =>
      part.paragraphs.some((p) => p.id === id) ? { ...part, paragraphs: within(part.paragraphs) } : part,
    ),
  };
}

/** The draft without a paragraph. */
export function removeParagraph(draft: Draft, id: string): Draft {
  const keep = (p: DraftParagraph) => p.id !== id;
  return {
    ...draft,
    preamble: draft.preamble.filter(keep),
    partsIntro: draft.partsIntro?.id === id ? null : draft.partsIntro,
    parts: draft.parts.map((part) => ({ ...part, paragraphs: part.paragraphs.filter(keep) })),
    closing: draft.closing.filter(keep),
  };
}

/** The draft without a part; the save renumbers the rest. */
export function removePart(draft: Draft, partId: string): Draft {
  return { ...draft, parts: draft.parts.filter((p) => p.id !== partId) };
}

/** A new, empty paragraph the writer adds (its text comes from drafting it from notes). */
export function writerParagraph(now = Date.now()): DraftParagraph {
  return {
    id: `w${now.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
    text: '',
    topic: null,
    origin: 'writer',
    sourceParagraph: null,
    sourceText: null,
    figures: [],
    pending: 0,
  };
}

/** The draft with `paragraph` inserted in a branch after `afterId` (at the end when null or absent). */
export function insertParagraph(
  draft: Draft,
  branch: Branch,
  afterId: string | null,
  paragraph: DraftParagraph,
): Draft {
  const into = (list: DraftParagraph[]) => {
    const at = afterId ? list.findIndex((p) => p.id === afterId) : -1;
    const out = [...list];
    out.splice(at >= 0 ? at + 1 : out.length, 0, paragraph);
    return out;
  };
  if (branch.kind === 'preamble') return { ...draft, preamble: into(draft.preamble) };
  if (branch.kind === 'closing') return { ...draft, closing: into(draft.closing) };
  return {
    ...draft,
    parts: draft.parts.map((part: DraftPart) =>
      part.id === branch.partId ? { ...part, paragraphs: into(part.paragraphs) } : part,
    ),
  };
}

/** The draft with `text` written where `target` points. */
export function applyEdit(draft: Draft, target: EditTarget, text: string): Draft {
  if (target.kind === 'title') return setTitle(draft, text);
  if (target.kind === 'part') return setPartTitle(draft, target.partId, text);
  return setParagraphText(draft, target.paragraphId, text);
}

/** What an outline row lets the writer edit, with its text now; null for 开头, 存在问题 and 注释. */
export function editableAt(
  draft: Draft,
  row: OutlineRow | undefined,
): { target: EditTarget; text: string } | null {
  if (row?.kind === 'title') return { target: { kind: 'title' }, text: draft.title };
  if (row?.kind === 'part') {
    const part = draft.parts.find((p) => p.id === row.partId);
    return { target: { kind: 'part', partId: row.partId }, text: part?.title ?? '' };
  }
  if (row?.kind !== 'paragraph') return null;
  const found = findParagraph(draft, row.paragraphId);
  return found && { target: { kind: 'paragraph', paragraphId: row.paragraphId }, text: found.paragraph.text };
}
