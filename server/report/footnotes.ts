import { type Block, footnoteLine } from './blocks.ts';
import { footnoteMarkPattern } from './topic.ts';
import type { Footnote, Paragraph } from './types.ts';

/** Footnotes from their definition lines ([1]“五违”指…), each linked to where [n] occurs in the body. */
export function linkFootnotes(text: string, blocks: Block[], paragraphs: Paragraph[]): Footnote[] {
  const footnotes: Footnote[] = [];
  for (const block of blocks) {
    const m = footnoteLine.exec(block.text);
    if (!m) continue;
    const mark = Number(m[1]);
    if (footnotes.some((f) => f.mark === mark)) continue;
    const start = block.start + m[0].length;
    footnotes.push({ mark, text: text.slice(start, block.end), span: { start, end: block.end }, refs: [] });
  }
  for (const paragraph of paragraphs) {
    for (const m of paragraph.text.matchAll(footnoteMarkPattern)) {
      const note = footnotes.find((f) => f.mark === Number(m[1]));
      const start = paragraph.span.start + (m.index ?? 0);
      note?.refs.push({ start, end: start + m[0].length });
    }
  }
  return footnotes;
}
