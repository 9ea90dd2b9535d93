/**
 * The sentence-by-sentence sources of a paragraph in the workspace's sources view: each sentence of
 * the draft with the material (department and file), last year's paragraph, ledger rows or model it
 * came from, as the engine recorded them in the draft.
 */
import type { DraftParagraph, TraceSource } from '../../../server/draft/index.ts';
import type { Segment } from './wrap.ts';

const dim = { dimColor: true };

/** Characters of a sentence shown before its sources. */
const quoteLength = 30;

/** One source, as writers read it. */
function sourceLine(source: TraceSource): string {
  switch (source.kind) {
    case 'material':
      return `今年材料 · ${source.department} · ${source.fileName}`;
    case 'previous':
      return `上年报告第${source.paragraph + 1}段`;
    case 'ledger':
      return `台账 ${source.year}年 ${source.metric}(${source.file} 第${source.row}行)`;
    case 'model':
      return `模型改写(${source.model})`;
  }
}

/** The 逐句来源 block of a paragraph; empty when the draft recorded no trace for it. */
export function sentenceSourcesView(paragraph: DraftParagraph): Segment[] {
  if (!paragraph.trace?.length) return [];
  const out: Segment[] = [{ text: '逐句来源\n', style: { bold: true } }];
  paragraph.trace.forEach((t, i) => {
    const text = t.text.length > quoteLength ? `${t.text.slice(0, quoteLength)}…` : t.text;
    out.push({ text: `${i + 1}. ${text}\n` });
    for (const s of t.sources) out.push({ text: `   ${sourceLine(s)}\n`, style: { color: 'cyan' } });
    for (const n of t.notes) out.push({ text: `   ${n}\n`, style: dim });
  });
  out.push({ text: '\n' });
  return out;
}
