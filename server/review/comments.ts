/**
 * Word comments as package parts: the comment elements, the comments part (new, or the writer's
 * own with ours appended), its relationship from the document and its content type.
 */
import { commentAuthor } from './comment-text.ts';
import { escapeXml } from './xml.ts';

const wordNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const commentsType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const commentsContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/** The markup that opens a comment's range. */
export const rangeStart = (id: number): string => `<w:commentRangeStart w:id="${id}"/>`;

/** The markup that closes a comment's range, with the run holding the comment's mark. */
export const rangeEnd = (id: number): string =>
  `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

/** One `w:comment`: a paragraph per line, the first opening with the comment mark. */
export function commentElement(id: number, lines: readonly string[], date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const paragraphs = lines.map(
    (line, i) =>
      `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`,
  );
  return `<w:comment w:id="${id}" w:author="${escapeXml(commentAuthor.name)}" w:date="${stamp}" w:initials="${commentAuthor.initials}">${paragraphs.join('')}</w:comment>`;
}

/** The first comment id free in every given part (comments and the ranges and marks in the stories). */
export function firstFreeCommentId(parts: readonly (string | undefined)[]): number {
  let max = -1;
  const pattern = /<w:comment(?:RangeStart|RangeEnd|Reference)?\b[^>]*?\sw:id="(-?\d+)"/g;
  for (const xml of parts) for (const m of xml?.matchAll(pattern) ?? []) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** The comments part with `comments` appended (a new part when the document has none). */
export function commentsPart(existing: string | undefined, comments: readonly string[]): string {
  const added = comments.join('');
  if (existing !== undefined) {
    const close = existing.lastIndexOf('</w:comments>');
    if (close >= 0) return existing.slice(0, close) + added + existing.slice(close);
    const selfClosing = /<w:comments\b([^>]*?)\/>/.exec(existing);
    if (selfClosing) {
      const at = selfClosing.index;
      const whole = `<w:comments${selfClosing[1]}>${added}</w:comments>`;
      return existing.slice(0, at) + whole + existing.slice(at + selfClosing[0].length);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${wordNs}">${added}</w:comments>`;
}

/** Where the document's comments part is (its relationship's target), or null when it has none. */
export function commentsTarget(rels: string): string | null {
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!m[0].includes(`Type="${commentsType}"`)) continue;
    const target = /\sTarget="([^"]+)"/.exec(m[0])?.[1];
    if (target) return target.startsWith('/') ? target.slice(1) : `word/${target}`;
  }
  return null;
}

/** The document's relationships with one to word/comments.xml added (under an id not yet used). */
export function withCommentsRelationship(rels: string): string {
  const used = new Set([...rels.matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const relationship = `<Relationship Id="rId${n}" Type="${commentsType}" Target="comments.xml"/>`;
  const close = rels.lastIndexOf('</Relationships>');
  return rels.slice(0, close) + relationship + rels.slice(close);
}

/** The content types with an override for the comments part, unless one is there. */
export function withCommentsContentType(types: string, partName: string): string {
  if (types.includes(`PartName="/${partName}"`)) return types;
  const override = `<Override PartName="/${partName}" ContentType="${commentsContentType}"/>`;
  const close = types.lastIndexOf('</Types>');
  return types.slice(0, close) + override + types.slice(close);
}
