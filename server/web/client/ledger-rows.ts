/** The ledger rows behind the figures of an answer, as tables for the source panel. */
import type { AnswerFigure } from '../../chat/types.ts';
import type { LedgerRecord } from '../../figures/types.ts';
import { errorText, getJson } from './api.ts';
import { fill, h, table } from './dom.ts';
import { valueText } from './format.ts';

/** Records of a metric, of one office when given (the API's q matches parts of names: keep the metric's own rows). */
export async function metricRecords(
  metric: string,
  scope: { year?: number; org?: string } = {},
): Promise<LedgerRecord[]> {
  const query = new URLSearchParams({ q: metric });
  if (scope.year !== undefined) query.set('year', String(scope.year));
  if (scope.org) query.set('org', scope.org);
  const { records } = await getJson<{ records: LedgerRecord[] }>(`/api/ledger?${query}`);
  return records.filter((r) => r.metric === metric).sort((a, b) => a.year - b.year);
}

/** A table of one metric's ledger records; `mark` picks the rows to highlight. */
export function recordsTable(
  records: readonly LedgerRecord[],
  mark: (r: LedgerRecord) => boolean = () => false,
) {
  const t = table(
    ['年度', '数值', '来源', '口径说明'],
    records.map((r) => [
      String(r.year),
      valueText(r.value, r.unit),
      `${r.source.file} 第${r.source.row}行`,
      r.note,
    ]),
  );
  t.querySelectorAll('tbody tr').forEach((row, i) => {
    if (mark(records[i])) row.classList.add('hit');
  });
  return t;
}

/**
 * One figure's rows, of its own office only: the year it states is marked; a computed figure shows the
 * metric's years.
 */
async function figureRows(figure: AnswerFigure, box: HTMLElement): Promise<void> {
  try {
    const records = await metricRecords(figure.metric ?? '', figure.org ? { org: figure.org } : {});
    const mark = (r: LedgerRecord) => figure.origin === 'ledger' && r.year === figure.year;
    fill(
      box,
      records.length ? recordsTable(records, mark) : h('p', { class: 'note' }, '台账中没有这个指标。'),
    );
  } catch (error) {
    fill(box, h('p', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

/** The section 台账依据: for each figure from the ledger, its rows (loaded as the section shows). */
export function ledgerSection(figures: readonly AnswerFigure[]): HTMLElement | null {
  const fromLedger = figures.filter((f) => f.metric && f.grounded && f.origin !== 'passage');
  if (!fromLedger.length) return null;
  const section = h('section', { 'aria-label': '台账依据' }, h('h3', {}, '台账依据'));
  for (const figure of fromLedger) {
    const box = h('div', { class: 'table-wrap' }, '正在载入台账…');
    const how = figure.computation ? `（${figure.computation}）` : '';
    section.append(h('p', {}, h('strong', {}, figure.text), ` — ${figure.metric}${how}`), box);
    void figureRows(figure, box);
  }
  return section;
}
