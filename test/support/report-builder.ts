/**
 * Builds `Report` objects by hand for store and retrieval tests: lays the pieces out as a report text
 * (title, preamble, parts (一)…, closing, footnotes [n]) with exact spans and a content-hash id.
 */
import { createHash } from 'node:crypto';
import type { Footnote, Paragraph, Part, Report } from '../../server/report/index.ts';

export interface ReportSketch {
  title: string;
  org?: string | null;
  year?: number | null;
  fileName?: string | null;
  preamble?: string[];
  partsIntro?: string;
  parts?: { title: string; paragraphs: string[] }[];
  closing?: string[];
  footnotes?: string[];
}

const numerals = '一二三四五六七八九十';

/** A report whose text, spans and id are consistent, as the parser would produce them. */
export function buildReport(sketch: ReportSketch): Report {
  let text = '';
  let index = 0;
  const place = (line: string) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += line;
    return { start, end: text.length };
  };
  const paragraph = (line: string): Paragraph => {
    const span = place(line);
    const topicEnd = line.indexOf('。');
    return {
      index: index++,
      text: line,
      topic: topicEnd > 0 ? line.slice(0, topicEnd + 1) : null,
      span,
      truncated: false,
      footnoteMarks: [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])),
    };
  };
  const titleSpan = place(sketch.title);
  const preamble = (sketch.preamble ?? []).map(paragraph);
  const partsIntro = sketch.partsIntro ? paragraph(sketch.partsIntro) : null;
  const parts: Part[] = (sketch.parts ?? []).map((part, i) => {
    const marker = `(${numerals[i]})`;
    const headingSpan = place(`${marker}${part.title}`);
    return {
      number: i + 1,
      marker,
      title: part.title,
      headingSpan,
      paragraphs: part.paragraphs.map(paragraph),
      kind: 'review',
      section: null,
    };
  });
  const closing = (sketch.closing ?? []).map(paragraph);
  const footnotes: Footnote[] = (sketch.footnotes ?? []).map((note, i) => {
    const span = place(`[${i + 1}]${note}`);
    return {
      mark: i + 1,
      text: note,
      span: { start: span.start + `[${i + 1}]`.length, end: span.end },
      refs: [],
    };
  });
  return {
    id: createHash('sha256').update(text).digest('hex'),
    title: sketch.title,
    org: sketch.org === undefined ? null : sketch.org,
    year: sketch.year === undefined ? null : sketch.year,
    planYear: null,
    text,
    titleSpan,
    preamble,
    partsIntro,
    sections: [],
    parts,
    closing,
    footnotes,
    source: {
      fileName: sketch.fileName ?? null,
      format: 'txt',
      encoding: 'utf-8',
      bytes: Buffer.byteLength(text),
    },
  };
}
