import type { Paragraph, Report } from '../report/index.ts';
import { splitSentences } from '../text/index.ts';
import type { Chunk, Section } from './types.ts';

/** Paragraphs longer than this are split into sentence-bounded pieces of at most this length. */
export const maxChunkChars = 400;

interface Place {
  section: Section;
  part: number;
  partTitle: string;
  /** Paragraph.index, the footnote mark, or -1 for the title. */
  paragraph: number;
  /** The id segment naming the paragraph: its index, `fn<mark>` or `title`. */
  key: string;
}

/**
 * Packs consecutive sentences of `text` into pieces of at most `max` characters (a single longer
 * sentence stays whole). Offsets are relative to `text`.
 * @example pieces('甲。乙。', 2) // [{start:0,end:2},{start:2,end:4}]
 */
export function pieces(text: string, max = maxChunkChars): { start: number; end: number }[] {
  if (text.length <= max) return [{ start: 0, end: text.length }];
  const out: { start: number; end: number }[] = [];
  for (const sentence of splitSentences(text)) {
    const last = out.at(-1);
    if (last && sentence.end - last.start <= max) last.end = sentence.end;
    else out.push({ ...sentence });
  }
  return out.length > 0 ? out : [{ start: 0, end: text.length }];
}

/**
 * Cuts a report into retrievable chunks, in reading order: title, preamble (with the sentence that
 * announces the parts), part paragraphs, closing, footnotes. Long paragraphs become several pieces.
 */
export function chunkReport(report: Report, max = maxChunkChars): Chunk[] {
  const chunks: Chunk[] = [];
  const base = {
    reportId: report.id,
    reportTitle: report.title,
    org: report.org ?? '',
    year: report.year ?? 0,
  };
  const add = (place: Place, text: string, offset: number): void => {
    pieces(text, max).forEach((span, piece) => {
      const pieceText = text.slice(span.start, span.end);
      if (!pieceText.trim()) return;
      chunks.push({
        ...base,
        id: `${report.id}:${place.key}:${piece}`,
        section: place.section,
        part: place.part,
        partTitle: place.partTitle,
        paragraph: place.paragraph,
        piece,
        text: pieceText,
        start: offset + span.start,
        end: offset + span.end,
      });
    });
  };
  const addParagraph = (p: Paragraph, section: Section, part = 0, partTitle = ''): void =>
    add({ section, part, partTitle, paragraph: p.index, key: String(p.index) }, p.text, p.span.start);

  if (report.title.trim()) {
    add(
      { section: 'title', part: 0, partTitle: '', paragraph: -1, key: 'title' },
      report.title,
      report.titleSpan.start,
    );
  }
  for (const p of report.preamble) addParagraph(p, 'preamble');
  if (report.partsIntro) addParagraph(report.partsIntro, 'preamble');
  for (const part of report.parts) {
    for (const p of part.paragraphs) addParagraph(p, 'part', part.number, part.title);
  }
  for (const p of report.closing) addParagraph(p, 'closing');
  for (const note of report.footnotes) {
    add(
      { section: 'footnote', part: 0, partTitle: '', paragraph: note.mark, key: `fn${note.mark}` },
      note.text,
      note.span.start,
    );
  }
  return chunks;
}
