/** Pure helpers for chat answers: citation marks in the text, citation labels, the text to copy. */
import type { AnswerFigure, ChatAnswer, ChatCitation } from '../../chat/types.ts';

/** A piece of an answer's text: plain text, or a citation mark [n] of a known citation. */
export type Segment = { text: string } | { cite: number };

/**
 * The answer's text cut at its citation marks; a [n] with no such citation stays text.
 * @example segments('共154处[1]。', new Set([1])) → [{text:'共154处'}, {cite:1}, {text:'。'}]
 */
export function segments(text: string, known: ReadonlySet<number>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(match[1]);
    if (!known.has(n)) continue;
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ cite: n });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** One line naming a citation: [1] 《甘泉路街道2016年工作总结》(二)… 第2段. */
export function citationLine(c: Pick<ChatCitation, 'n' | 'label'>): string {
  return `[${c.n}] ${c.label}`;
}

/** One line naming where a figure comes from: 154处：ganquan-2016.csv 第14行 拆除违法建筑处数. */
export function figureLine(f: AnswerFigure): string {
  const source = f.computation ?? f.source ?? (f.citation ? `[${f.citation}]` : '无来源');
  return `${f.text}：${source}${f.sample ? '（示例数据）' : ''}`;
}

/** The answer as copied: its text, then its sources and the grounding of its figures. */
export function answerWithSources(answer: ChatAnswer): string {
  const lines = [answer.answer.trim()];
  if (answer.citations.length) lines.push('', '来源：', ...answer.citations.map(citationLine));
  const grounded = answer.figures.filter((f) => f.grounded);
  if (grounded.length) lines.push('', '数字依据：', ...grounded.map(figureLine));
  return lines.join('\n');
}
