/**
 * Finds where a span of the report text (what the reader extracted and the check saw) lies in the
 * document's runs. The reader writes one block per line, whitespace collapsed, blocks joined by a
 * blank line; each block is matched, in order, to the document line that reads the same up to
 * whitespace, and each of its characters to the character it came from.
 */
import type { CharSource, TextLine } from './paragraphs.ts';
import { symbolChar } from './runs.ts';

/** Characters the reader may drop or fold into one space (it trims and collapses whitespace). */
const foldable = /[\s\u200b-\u200d\u2060\ufeff]/;
const compact = (text: string): string => text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');

/** For each character of `block`, its index in `line` (-1 for a space the reader made), or null. */
export function alignLine(block: string, line: string): number[] | null {
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < block.length; ) {
    if (j < line.length && (block[i] === line[j] || line[j] === symbolChar)) {
      map.push(j++);
      i++;
    } else if (j < line.length && foldable.test(line[j])) j++;
    else if (block[i] === ' ') {
      map.push(-1);
      i++;
    } else return null;
  }
  for (; j < line.length; j++) if (!foldable.test(line[j])) return null;
  return map;
}

interface Block {
  start: number;
  end: number;
  line: TextLine | null;
  map: number[];
}

/** Matches the report text's blocks to document lines, in order; a block with no line stays unmatched. */
function matchBlocks(text: string, lines: readonly TextLine[]): Block[] {
  const keys = lines.map((l) => (l.text.includes(symbolChar) ? null : compact(l.text)));
  const blocks: Block[] = [];
  let cursor = 0;
  let start = 0;
  for (const piece of text.split('\n\n')) {
    const block: Block = { start, end: start + piece.length, line: null, map: [] };
    start = block.end + 2;
    blocks.push(block);
    const key = compact(piece);
    if (!key) continue;
    for (let j = cursor; j < lines.length; j++) {
      if (keys[j] !== null && keys[j] !== key) continue;
      const map = alignLine(piece, lines[j].text);
      if (!map) continue;
      Object.assign(block, { line: lines[j], map });
      cursor = j + 1;
      break;
    }
  }
  return blocks;
}

/** Locates spans of the report text in the document: the sources of a span's characters, or null. */
export interface Locator {
  locate(start: number, end: number): CharSource[] | null;
  /** Blocks of the text no document line reads as (the reader found them elsewhere, e.g. text boxes). */
  unmatched(): string[];
}

/**
 * Builds a locator from the text the check saw and the document's lines.
 * @example createLocator(report.text, readDocumentText(parts).lines).locate(claim.start, claim.end)
 */
export function createLocator(text: string, lines: readonly TextLine[]): Locator {
  const blocks = matchBlocks(text, lines);
  return {
    locate(start, end) {
      const block = blocks.find((b) => b.start <= start && end <= b.end);
      if (!block?.line) return null;
      const sources: CharSource[] = [];
      for (let i = start; i < end; i++) {
        const j = block.map[i - block.start];
        const source = j >= 0 ? block.line.sources[j] : null;
        if (source) sources.push(source);
      }
      return sources.length > 0 ? sources : null;
    },
    unmatched: () =>
      blocks
        .filter((b) => !b.line && text.slice(b.start, b.end).trim())
        .map((b) => text.slice(b.start, b.end)),
  };
}
