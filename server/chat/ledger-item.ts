/** One ledger record as a chat answer writes it: in the report's own form when a report states it. Pure. */

import type { LedgerRecord } from '../figures/index.ts';
import { aspectOf, sourceOf } from '../figures/index.ts';
import type { SearchHit } from '../retrieve/index.ts';
import type { CitationBook } from './citations.ts';
import type { AnswerFigure } from './types.ts';
import { naturalForm } from './written.ts';

/** How a report writes a ledger figure, and the passage that writes it. */
export interface StatedFigure {
  hit: SearchHit;
  /** The figure as the report writes it: 154处, 约8.5万余人次, 下降34%. */
  surface: string;
  qualifier: string;
}

/** A ledger row labelled 示例数据 (sample data, invented for demonstration). */
export const isSample = (r: LedgerRecord): boolean => r.note.startsWith('示例数据');
const sampleMark = (r: LedgerRecord): string => (isSample(r) ? '(示例数据)' : '');

/** 信访量同比变化 → 信访量同比: the stem a change form (下降34%) follows. */
const changeStem = (metric: string): string => metric.replace(/(?:变化|增减|变动)(?:幅度|率)?$/, '');

/** One record as the answer writes it, with its figure entry. */
export function ledgerItem(
  record: LedgerRecord,
  statement: StatedFigure | undefined,
  book: CitationBook,
): { text: string; figure: AnswerFigure } {
  const natural = naturalForm(record);
  const n = statement ? book.cite(statement.hit) : undefined;
  let form = natural;
  if (statement) {
    const surface =
      statement.qualifier === '达' ? statement.surface.replace(/^达到?/, '') : statement.surface;
    const exact = statement.qualifier === '' || statement.qualifier === '达';
    form = exact ? surface : `${surface}(台账记为${natural})`;
  }
  const cite = n === undefined ? '' : `[${n}]`;
  const change = aspectOf(record.metric) === 'change';
  const text = change
    ? `${changeStem(record.metric)}${form}${sampleMark(record)}${cite}`
    : `${record.metric}为${form}${sampleMark(record)}${cite}`;
  return {
    text,
    figure: {
      text: statement ? statement.surface : natural,
      value: record.value,
      unit: record.unit,
      origin: 'ledger',
      year: record.year,
      metric: record.metric,
      source: sourceOf(record),
      ...(isSample(record) ? { sample: true } : {}),
      ...(record.org ? { org: record.org } : {}),
      ...(n === undefined ? {} : { citation: n }),
      grounded: true,
    },
  };
}
