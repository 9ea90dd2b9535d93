import { normaliseText } from '../text/index.ts';
import type { ExtractedText, HeadingHint } from './hints.ts';

const atxHeading = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const setextUnderline = /^ {0,3}(=+|-+)\s*$/;
const rule = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const fence = /^ {0,3}(```|~~~)/;
const linkDefinition = /^ {0,3}\[[^\]]+\]:\s*(https?:\/\/|\/|#)\S*/;
const tableDivider = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Inline Markdown: images, links, footnote refs, emphasis, code, tags; the text stays. */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[\^(\d{1,2})\]:?/g, '[$1]')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?![\w])/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

/**
 * Strips Markdown syntax and keeps the text: headings (# and setext), emphasis, bullet lists,
 * quotes, links and images, code fences, rules. Ordered-list numbers stay (1. may mark a part).
 * Heading positions come back as hints so `## 民生保障` stays recognisable as a heading.
 * @example extractMarkdown('# 标题\n\n## (一)民生\n\n**丰富**内涵。').text // '标题\n\n(一)民生\n\n丰富内涵。'
 */
export function extractMarkdown(source: string): ExtractedText {
  const input = normaliseText(source).split('\n');
  const out: string[] = [];
  const headings: HeadingHint[] = [];
  let offset = 0;
  let inFence = false;
  const push = (line: string, level = 0): void => {
    if (level > 0) headings.push({ start: offset + (line.length - line.trimStart().length), level });
    out.push(line);
    offset += line.length + 1;
  };
  for (let i = 0; i < input.length; i++) {
    const raw = input[i];
    if (fence.test(raw)) {
      inFence = !inFence;
      push('');
      continue;
    }
    if (inFence) {
      push(raw);
      continue;
    }
    const heading = atxHeading.exec(raw);
    if (heading) {
      const text = stripInline(heading[2]).trim();
      push(text, text ? heading[1].length : 0);
      continue;
    }
    const next = input[i + 1];
    if (raw.trim() && next !== undefined && setextUnderline.test(next) && !rule.test(raw)) {
      const text = stripInline(raw).trim();
      push(text, text ? (next.trim().startsWith('=') ? 1 : 2) : 0);
      push('');
      i++;
      continue;
    }
    if (rule.test(raw) || linkDefinition.test(raw) || tableDivider.test(raw)) {
      push('');
      continue;
    }
    const line = raw
      .replace(/^(\s*>)+\s?/, '')
      .replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1')
      .replace(/^\s*\|(.*)\|\s*$/, (_, cells: string) => cells.split('|').join(' '));
    push(stripInline(line));
  }
  return { text: out.join('\n'), headings };
}
