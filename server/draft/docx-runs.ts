/** The runs of a body paragraph in the Word export: footnote references and highlighted marks. */
import { FootnoteReferenceRun, TextRun } from 'docx';
import { pendingSpans, rewriteSpans } from '../marks/index.ts';
import { xmlSafe } from '../text/index.ts';
import { font, officialFonts, size } from './official-layout.ts';

/** Highlight colours: a figure to verify, a sentence of last year's to rewrite. */
const highlights = { pending: 'yellow', yearBound: 'cyan' } as const;

/**
 * Runs of a body paragraph: footnote marks as footnote references, 【待核实…】 markers highlighted, and
 * 〖上年表述…〗 and 〖沿用上年·待更新…〗 sentences highlighted in their own colour (a marker inside one keeps its own).
 */
export function bodyRuns(text: string, footnoteIds: ReadonlySet<number>): (TextRun | FootnoteReferenceRun)[] {
  const pending = pendingSpans(text);
  const bound = rewriteSpans(text);
  const marks = [...text.matchAll(/\[(\d{1,2})\]/g)]
    .filter((m) => footnoteIds.has(Number(m[1])))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, mark: Number(m[1]) }));
  const cuts = new Set([0, text.length]);
  for (const s of [...pending, ...bound, ...marks]) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const within = (spans: readonly { start: number; end: number }[], at: number) =>
    spans.some((s) => s.start <= at && at < s.end);
  const runs: (TextRun | FootnoteReferenceRun)[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const note = marks.find((m) => m.start === start);
    if (note) {
      runs.push(new FootnoteReferenceRun(note.mark));
      continue;
    }
    const highlight = within(pending, start)
      ? highlights.pending
      : within(bound, start)
        ? highlights.yearBound
        : undefined;
    runs.push(
      new TextRun({
        text: xmlSafe(text.slice(start, end)),
        font: font(officialFonts.body),
        size: size.sanhao,
        ...(highlight ? { highlight } : {}),
      }),
    );
  }
  return runs;
}
