/** Zero-width characters that carry no text: dropped (a BOM anywhere is one of them). */
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g;
/** Non-breaking and typographic spaces that web pages and Word leave: read as a plain space. The
 * ideographic space U+3000 is kept: it is ordinary Chinese indentation. */
const oddSpaces = /[\u00a0\u1680\u2000-\u200a\u202f\u205f]/g;

/**
 * Normalises decoded text into the reference text every span points into: CRLF and CR become LF,
 * zero-width characters go, odd spaces become ' '. Idempotent.
 * @example normaliseText('\ufeff标题\r\n正文\u00a0。') // '标题\n正文 。'
 */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(zeroWidth, '').replace(oddSpaces, ' ');
}

/** True when the text holds nothing but whitespace (including full-width spaces). */
export function isBlank(text: string): boolean {
  return !/[^\s\u3000\ufeff\u200b-\u200d\u2060]/.test(text);
}
