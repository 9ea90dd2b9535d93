/**
 * The audit of a paragraph's figures in the sources view: for each figure the engine replaced,
 * recomputed, marked or added — last year's text, this year's, the ledger rows (file, row, year,
 * metric, value) and the words that made the match. Everything shown comes from the draft as the API
 * returned it; nothing here reads numbers.
 */
import type { AuditRow, DraftFigure, DraftParagraph, FigureStatus } from '../../../server/draft/index.ts';
import type { Segment } from './wrap.ts';

/** What the engine did, as writers read it. */
const statusLabels: Record<FigureStatus, { text: string; color: string }> = {
  updated: { text: '更新', color: 'green' },
  recomputed: { text: '重算', color: 'green' },
  pending: { text: '待核实', color: 'magenta' },
  new: { text: '新增', color: 'cyan' },
  material: { text: '材料', color: 'green' },
};

const dim = { dimColor: true };

/** One ledger row: 2017年 拆除违法建筑处数 127 处, then where it is (ganquan-2017-sample.csv 第11行). */
function rowSegments(row: AuditRow): Segment[] {
  return [
    { text: `    ${row.year}年 ${row.metric} ` },
    { text: `${row.value.toLocaleString('zh-CN')} ${row.unit}\n`, style: { color: 'cyan' } },
    { text: `      ${row.file} 第${row.row}行\n`, style: dim },
  ];
}

/** One figure's change: old → new, what was done, its rows and match words. */
function figureSegments(figure: DraftFigure): Segment[] {
  const label = statusLabels[figure.status];
  const out: Segment[] = [
    { text: figure.previous ? `  “${figure.previous}” → ` : '  (新句子) → ' },
    { text: figure.text, style: { bold: true } },
    { text: ` ${label.text}\n`, style: { color: label.color } },
  ];
  const rows = figure.audit?.rows ?? [];
  for (const row of rows) out.push(...rowSegments(row));
  if (figure.status === 'pending' && figure.audit?.reason)
    out.push({ text: `    ${figure.audit.reason}\n`, style: dim });
  else if (figure.status === 'pending')
    out.push({ text: `    今年台账中没有${figure.metric ? `“${figure.metric}”的` : ''}数值\n`, style: dim });
  else if (rows.length === 0) out.push({ text: '    (没有记录台账出处)\n', style: dim });
  const words = figure.audit?.matchWords ?? [];
  if (figure.audit?.subject) out.push({ text: `    主语\uFF1A${figure.audit.subject}\n`, style: dim });
  if (words.length > 0) out.push({ text: `    匹配词\uFF1A${words.join('、')}\n`, style: dim });
  return out;
}

/** The audit section of the sources view: every figure the engine placed in the paragraph. */
export function auditSegments(paragraph: DraftParagraph): Segment[] {
  const out: Segment[] = [{ text: '数字变更与台账出处\n', style: { bold: true } }];
  if (paragraph.figures.length === 0) out.push({ text: '(本段没有来自台账的数字)\n', style: dim });
  for (const figure of paragraph.figures) out.push(...figureSegments(figure));
  return out;
}
