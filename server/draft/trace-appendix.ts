/**
 * The `--trace` appendix of an exported draft: every sentence, paragraph by paragraph, with where it
 * came from — this year's material (department and file), last year's paragraph, a ledger row, the
 * model's rewrite, or the writer — so a reader of the .md or .docx can follow each one back. Pure.
 */
import { paragraphTrace } from './trace.ts';
import type { SentenceTrace, TraceSource } from './trace-types.ts';
import type { Draft, DraftParagraph } from './types.ts';

/** A titled list of lines placed after the draft's text. */
export interface Appendix {
  title: string;
  lines: string[];
}

/** Characters of a sentence quoted in the appendix. */
const quoteLength = 24;

/** The title of the appendix (escapes: editors fold the full-width colon). */
export const traceAppendixTitle = '\u9644\uFF1A\u9010\u53E5\u6765\u6E90';

/** One source in words. */
function sourceText(source: TraceSource): string {
  switch (source.kind) {
    case 'material':
      return `${source.department}材料《${source.fileName}》`;
    case 'previous':
      return `上年报告第${source.paragraph + 1}段`;
    case 'ledger':
      return `${source.year}年台账“${source.metric}”（${source.file}第${source.row}行）`;
    case 'model':
      return `模型${source.model}改写`;
  }
}

/** The origin of a sentence in words, when no source names it. */
const originText: Record<SentenceTrace['origin'], string> = {
  material: '今年材料',
  carried: '沿用上年',
  ledger: '台账',
  model: '模型改写',
  writer: '撰稿人手写',
};

/** A sentence quoted briefly. */
function quote(text: string): string {
  const bare = text.trim();
  return bare.length > quoteLength ? `${bare.slice(0, quoteLength)}…` : bare;
}

/** The lines of one paragraph: one per sentence. */
function paragraphLines(label: string, p: DraftParagraph, draft: Draft): string[] {
  return paragraphTrace(p, draft.ledger, draft.year).map((t, i) => {
    const sources = [...new Set(t.sources.map(sourceText))];
    const said = sources.length > 0 ? sources.join('；') : originText[t.origin];
    const notes = t.notes.length > 0 ? `（${t.notes.join('；')}）` : '';
    return `${label}第${i + 1}句“${quote(t.text)}”——${said}${notes}`;
  });
}

/**
 * The appendix of a draft: see the module comment.
 * @example traceAppendix(draft).lines[0] // '开头第1段第1句“过去的一年,街道办事处在区委…”——上年报告第1段'
 */
export function traceAppendix(draft: Draft): Appendix {
  const lines: string[] = [];
  const add = (where: string, paragraphs: readonly DraftParagraph[]): void => {
    paragraphs
      .filter((p) => p.text.trim())
      .forEach((p, i) => {
        lines.push(...paragraphLines(`${where}第${i + 1}段`, p, draft));
      });
  };
  add('开头', [...draft.preamble, ...(draft.partsIntro ? [draft.partsIntro] : [])]);
  for (const part of draft.parts) add(part.marker || part.title, part.paragraphs);
  add('结尾', draft.closing);
  return { title: traceAppendixTitle, lines };
}

/** A text export with the appendix after it: a `##` heading in Markdown, a plain title line in text. */
export function withAppendix(text: string, appendix: Appendix, format: 'md' | 'txt'): string {
  const heading = format === 'md' ? `## ${appendix.title}` : appendix.title;
  const lines = format === 'md' ? appendix.lines.map((l) => `- ${l}`) : appendix.lines;
  return `${text.trimEnd()}\n\n${heading}\n\n${lines.join('\n')}\n`;
}
