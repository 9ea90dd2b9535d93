/**
 * Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone
 * surrogates): a Word file containing one does not open, so exports leave them out.
 */
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * The text without characters XML cannot hold.
 * @example xmlSafe('甲\uFFFE乙\u0001') // '甲乙'
 */
export function xmlSafe(text: string): string {
  return text.replace(notXml, '');
}
