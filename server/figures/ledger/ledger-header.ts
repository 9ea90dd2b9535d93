/** Finding a ledger's header row and what each column holds, in Chinese or English. */

import { normalizeUnit } from '../quantities/index.ts';
import { settleOrgColumns } from './ledger-org.ts';
import type { LedgerRow, LedgerTable } from './ledger-table.ts';
import { cellText, isCellFault } from './ledger-table.ts';

export type LedgerField = 'year' | 'metric' | 'value' | 'unit' | 'note' | 'org';

/** How users name each field: the standard Chinese header, the English one, and common variants. */
export const fieldNames: Record<LedgerField, { zh: string; en: string; also: string }> = {
  year: { zh: '年度', en: 'year', also: '年份' },
  metric: { zh: '指标名称', en: 'metric', also: '指标、指标名' },
  value: { zh: '数值', en: 'value', also: '数量、值' },
  unit: { zh: '计量单位', en: 'unit', also: '单位' },
  note: { zh: '口径说明', en: 'note', also: '备注、说明' },
  org: { zh: '单位名称', en: 'org', also: '填报单位、街道、镇、部门' },
};

/** Header words per field, compared after normalising (NFKC, lower case, no spaces or brackets). */
const aliases: Record<LedgerField, readonly string[]> = {
  year: ['年度', '年份', '年', '统计年度', '所属年度', 'year', 'fiscalyear'],
  metric: [
    '指标名称',
    '指标',
    '指标名',
    '统计指标',
    '指标项',
    '项目',
    '项目名称',
    '名称',
    'metric',
    'metricname',
    'indicator',
    'item',
    'name',
  ],
  value: [
    '数值',
    '数量',
    '值',
    '数据',
    '指标值',
    '统计值',
    '完成值',
    '完成数',
    '本年数',
    '金额',
    'value',
    'amount',
    'quantity',
    'count',
  ],
  unit: ['计量单位', '单位', 'unit', 'units', 'uom'],
  note: [
    '口径说明',
    '说明',
    '备注',
    '口径',
    '指标说明',
    '指标解释',
    'note',
    'notes',
    'remark',
    'remarks',
    'description',
    'comment',
  ],
  // 单位 alone usually means the unit; ledger-org.ts decides when it names the office instead.
  org: [
    '单位名称',
    '单位名',
    '填报单位',
    '报送单位',
    '所属单位',
    '统计单位',
    '街道',
    '街道名称',
    '镇',
    '乡',
    '乡镇',
    '街镇',
    '镇街',
    '部门',
    '部门名称',
    '科室',
    'org',
    'office',
    'organization',
    'department',
  ],
};

const fieldByAlias = new Map<string, LedgerField>(
  (Object.entries(aliases) as [LedgerField, readonly string[]][]).flatMap(([field, words]) =>
    words.map((w) => [w, field] as const),
  ),
);

/** A year written as a column header of a wide ledger (2016年, 2017年度, 数值2016, 2016 as a number). */
const yearLabel =
  /^(?:数值|数据|值|完成值|完成数)?((?:19|20)\d{2})(?:年度?)?(?:数值|数据|值|完成值|完成数)?$/;

/** What one header cell says about its column. */
export interface ColumnLabel {
  field: LedgerField | null;
  /** The year of a wide ledger's value column (2016年), else null. */
  year: number | null;
  /** A unit written in brackets in the header (数值(万元)), used when a row gives none. */
  unitHint: string | null;
}

/** A header cell as compared with the aliases: NFKC, lower case, no spaces. */
export function plainHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Reads one header cell: its field, the year of a wide-ledger column, a bracketed unit hint.
 * @example readLabel('数值（万元）') // { field: 'value', year: null, unitHint: '万元' }
 */
export function readLabel(text: string): ColumnLabel {
  const plain = plainHeader(text);
  let unitHint: string | null = null;
  const base = plain
    .replace(/[([【]([^()[\]【】]*)[)\]】]/g, (_, inner: string) => {
      const hint = inner.replace(/^单位[::]?/, '');
      if (normalizeUnit(hint)) unitHint = hint;
      return '';
    })
    .replace(/[*::※]+$/, '');
  const year = yearLabel.exec(base);
  return { field: fieldByAlias.get(base) ?? null, year: year ? Number(year[1]) : null, unitHint };
}

/** Where the data is: the header rows, the columns of each field, and the layout (long or wide). */
export interface LedgerLayout {
  /** Index into `table.rows` of the first data row (after a header of one or more rows). */
  dataIndex: number;
  /** Row number of the header's first row, for messages. */
  headerRow: number;
  /** Columns (0-based) holding each field; merged header cells give a field several columns. */
  columns: Record<LedgerField, number[]>;
  /** Value columns of a wide ledger, one per year (指标名称 | 2016年 | 2017年). Empty when long. */
  yearColumns: { column: number; year: number; unitHint: string | null }[];
  /** Unit from the value header (数值(万元)), when written there. */
  valueUnitHint: string | null;
  /** The one year in the title above the header (甘泉路街道2017年统计台账), else null. */
  titleYear: number | null;
}

export type LayoutSearch =
  | { kind: 'found'; layout: LedgerLayout }
  | { kind: 'incomplete'; headerRow: number; missing: LedgerField[] }
  | { kind: 'none' };

/** How many rows from the top may hold titles before the header. */
const headerSearchRows = 30;

function emptyColumns(): Record<LedgerField, number[]> {
  return { year: [], metric: [], value: [], unit: [], note: [], org: [] };
}

/** The label of a header cell; numbers count only as years (a 2016 typed into a wide header). */
function labelOf(row: LedgerRow, column: number): ColumnLabel | null {
  const cell = row.cells[column] ?? null;
  if (cell === null || isCellFault(cell)) return null;
  if (typeof cell === 'number') return yearLabel.test(String(cell)) ? readLabel(String(cell)) : null;
  return cellText(cell) === '' ? null : readLabel(cell);
}

/** Header strength of a row: distinct fields recognised, wide-year columns counting as one. */
function headerScore(row: LedgerRow): { score: number; fields: Set<LedgerField>; years: number } {
  const fields = new Set<LedgerField>();
  let years = 0;
  for (let c = 0; c < row.cells.length; c++) {
    const label = labelOf(row, c);
    if (label?.field) fields.add(label.field);
    else if (label?.year) years++;
  }
  return { score: fields.size + (years > 0 ? 1 : 0), fields, years };
}

/** Index of the last header row: merges that start on the header row and reach down widen it. */
function headerBottomIndex(table: LedgerTable, headerIndex: number): number {
  const headerRow = table.rows[headerIndex].row;
  const bottom = Math.max(
    headerRow,
    ...table.merges.filter((m) => m.top === headerRow && m.bottom > m.top).map((m) => m.bottom),
  );
  let index = headerIndex;
  while (index + 1 < table.rows.length && table.rows[index + 1].row <= bottom) index++;
  return index;
}

/** The single year named in the titles above the header or in the sheet name, else null. */
function titleYearOf(table: LedgerTable, headerIndex: number): number | null {
  const texts = [
    table.sheet ?? '',
    ...table.rows.slice(0, headerIndex).flatMap((r) => r.cells.map(cellText)),
  ];
  const years = new Set(
    texts.flatMap((t) => [...t.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]))),
  );
  return years.size === 1 ? [...years][0] : null;
}

/**
 * Finds the header (the best-scoring row near the top, widened by merged cells into a multi-row
 * header) and maps columns to fields. `incomplete` names the fields a near-header lacks.
 */
export function findLayout(table: LedgerTable): LayoutSearch {
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < Math.min(table.rows.length, headerSearchRows); i++) {
    const { score, fields, years } = headerScore(table.rows[i]);
    if (score > bestScore && (fields.has('metric') || fields.has('value') || years > 0)) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) return { kind: 'none' };

  const bottom = headerBottomIndex(table, best);
  const block = table.rows.slice(best, bottom + 1);
  const width = Math.max(...block.map((r) => r.cells.length));
  const columns = emptyColumns();
  const yearColumns: LedgerLayout['yearColumns'] = [];
  let valueUnitHint: string | null = null;
  for (let c = 0; c < width; c++) {
    // Lower header rows are more specific (数值 over 2016年): read bottom-up.
    const labels = block
      .map((r) => labelOf(r, c))
      .filter((l): l is ColumnLabel => l !== null)
      .reverse();
    const year = labels.find((l) => l.year !== null)?.year ?? null;
    const unitHint = labels.find((l) => l.unitHint !== null)?.unitHint ?? null;
    const field = labels.find((l) => l.field !== null)?.field ?? null;
    if (year !== null && (field === null || field === 'value'))
      yearColumns.push({ column: c, year, unitHint });
    else if (field) {
      columns[field].push(c);
      if (field === 'value') valueUnitHint ??= unitHint;
    }
  }

  const bareUnit = columns.unit.filter((c) =>
    block.some((r) => plainHeader(cellText(r.cells[c] ?? null)) === '单位'),
  );
  settleOrgColumns(table, bottom + 1, columns, bareUnit);
  const titleYear = titleYearOf(table, best);
  const wide = columns.value.length === 0 && yearColumns.length > 0;
  const missing: LedgerField[] = [];
  if (columns.metric.length === 0) missing.push('metric');
  if (!wide && columns.year.length === 0 && titleYear === null) missing.push('year');
  if (!wide && columns.value.length === 0) missing.push('value');
  const headerRow = table.rows[best].row;
  if (missing.length > 0) return { kind: 'incomplete', headerRow, missing };
  return {
    kind: 'found',
    layout: {
      dataIndex: bottom + 1,
      headerRow,
      columns,
      yearColumns: wide ? yearColumns : [],
      valueUnitHint,
      titleYear,
    },
  };
}
