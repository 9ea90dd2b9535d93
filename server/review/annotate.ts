/**
 * The writer's .docx with a Word comment on each figure the check did not find right (不符,
 * 无法核对), anchored on the figure's exact characters and highlighted by verdict. Only the runs
 * holding such a figure are rewritten (split at its edges, properties copied); every other byte of
 * the document's parts stays as it was.
 */
import type { CheckedClaim } from '../figures/index.ts';
import { createLocator } from './align.ts';
import { commentParagraphs } from './comment-text.ts';
import {
  commentElement,
  commentsPart,
  commentsTarget,
  firstFreeCommentId,
  rangeEnd,
  rangeStart,
  withCommentsContentType,
  withCommentsRelationship,
} from './comments.ts';
import { openPackage, partText, writePackage } from './package.ts';
import { type CharSource, readDocumentText, type StoryPart } from './paragraphs.ts';
import { type RunEdit, renderRun } from './runs.ts';
import { applySplices, type XmlElement } from './xml.ts';

/** Word highlight colours by verdict. */
export const highlightColor = { contradicted: 'red', unverified: 'yellow' } as const;

/** What to annotate: the .docx, the text the check saw in it (the report reader's) and the check's claims. */
export interface AnnotateInput {
  docx: Uint8Array;
  text: string;
  claims: readonly CheckedClaim[];
  /** When an earlier check already raised this claim's finding (a date), else null. */
  raisedBefore?: (claim: CheckedClaim) => string | null;
  date?: Date;
}

/** The annotated document, how many comments it got, and the findings it could not place. */
export interface AnnotateResult {
  docx: Uint8Array;
  comments: number;
  unplaced: CheckedClaim[];
}

const storyParts = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/** Adds the comment of one figure to the edits of the runs its characters come from. */
function markFigure(
  edits: Map<XmlElement, RunEdit>,
  sources: readonly CharSource[],
  id: number,
  color: string,
): void {
  const edit = (run: XmlElement): RunEdit => {
    const known = edits.get(run);
    if (known) return known;
    const made: RunEdit = { marks: [], paint: [] };
    edits.set(run, made);
    return made;
  };
  const first = sources[0];
  const last = sources[sources.length - 1];
  edit(first.run).marks.push({ at: first.pos, xml: rangeStart(id) });
  const spans = new Map<XmlElement, { from: number; to: number }>();
  for (const s of sources) {
    const span = spans.get(s.run);
    if (span) span.to = s.pos + 1;
    else spans.set(s.run, { from: s.pos, to: s.pos + 1 });
  }
  for (const [run, span] of spans) edit(run).paint.push({ ...span, color });
  edit(last.run).marks.push({ at: last.pos + 1, xml: rangeEnd(id) });
}

/** A story part with its edited runs rewritten. */
function rewritePart(part: StoryPart, edits: Map<XmlElement, RunEdit>): string {
  const splices = [...edits].map(([run, edit]) => ({
    start: run.startIndex ?? 0,
    end: (run.endIndex ?? 0) + 1,
    text: renderRun(part.xml, run, part.runs.get(run) ?? [], edit),
  }));
  return applySplices(part.xml, splices);
}

/**
 * Annotates a .docx with the findings of a check of its text. Throws GovdraftError for a package
 * that cannot be opened (see openPackage).
 */
export function annotateDocx(input: AnnotateInput): AnnotateResult {
  const pkg = openPackage(input.docx);
  const xmlByPart = Object.fromEntries(storyParts.map((name) => [name, partText(pkg, name)]));
  const document = readDocumentText(xmlByPart);
  const locator = createLocator(input.text, document.lines);
  const rels = partText(pkg, 'word/_rels/document.xml.rels') ?? '';
  const existingTarget = commentsTarget(rels);
  const commentsName = existingTarget ?? 'word/comments.xml';
  const existingComments = partText(pkg, commentsName);
  let id = firstFreeCommentId([...Object.values(xmlByPart), existingComments]);
  const date = input.date ?? new Date();
  const editsByPart = new Map<string, Map<XmlElement, RunEdit>>();
  const comments: string[] = [];
  const unplaced: CheckedClaim[] = [];
  for (const claim of [...input.claims].sort((a, b) => a.start - b.start)) {
    if (claim.verdict === 'supported') continue;
    const sources = locator.locate(claim.start, claim.end);
    if (!sources) {
      unplaced.push(claim);
      continue;
    }
    const part = sources[0].part;
    if (!editsByPart.has(part)) editsByPart.set(part, new Map());
    markFigure(editsByPart.get(part) as Map<XmlElement, RunEdit>, sources, id, highlightColor[claim.verdict]);
    comments.push(commentElement(id, commentParagraphs(claim, input.raisedBefore?.(claim) ?? null), date));
    id++;
  }
  const changed: Record<string, string> = {};
  for (const part of document.parts) {
    const edits = editsByPart.get(part.name);
    if (edits) changed[part.name] = rewritePart(part, edits);
  }
  if (comments.length > 0) {
    changed[commentsName] = commentsPart(existingComments, comments);
    if (!existingTarget) changed['word/_rels/document.xml.rels'] = withCommentsRelationship(rels);
    const types = partText(pkg, '[Content_Types].xml') ?? '';
    const withType = withCommentsContentType(types, commentsName);
    if (withType !== types) changed['[Content_Types].xml'] = withType;
  }
  return { docx: writePackage(pkg, changed), comments: comments.length, unplaced };
}
