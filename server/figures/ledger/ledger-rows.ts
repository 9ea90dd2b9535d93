/** Turning a ledger table's data rows into records, collecting every problem instead of stopping. */
import type { ErrorDetail } from '../../errors.ts';
import { sameOrg } from '../../report/index.ts';
import type { LedgerRecord } from '../types.ts';
import type { CellReading, ResolvedValue } from './ledger-cells.ts';
import { readValue, readYear, resolveValue } from './ledger-cells.ts';
import type { LedgerField, LedgerLayout } from './ledger-header.ts';
import { fieldNames } from './ledger-header.ts';
import { officeName } from './ledger-org.ts';
import type { LedgerCell, LedgerRow, LedgerTable } from './ledger-table.ts';
import { cellText, isEmptyCell, rowLabel } from './ledger-table.ts';

/** The records of a table and every problem found in its rows (messages name the row). */
export interface RowsReading {
  records: LedgerRecord[];
  problems: ErrorDetail[];
}

/** One value a row states: its year and the reading of its value with the unit. */
interface RowValue {
  year: CellReading<number>;
  value: CellReading<ResolvedValue>;
  /** Prefix for messages about this value in a wide ledger (2016年的), '' in a long one. */
  which: { zh: string; en: string };
}

/** The first non-empty cell among a field's columns (merged header cells span several). */
function pick(row: LedgerRow, columns: number[]): LedgerCell {
  for (const c of columns) {
    const cell = row.cells[c] ?? null;
    if (!isEmptyCell(cell)) return cell;
  }
  return null;
}

function readRowValue(
  row: LedgerRow,
  valueCell: LedgerCell,
  layout: LedgerLayout,
  hint: string | null,
): CellReading<ResolvedValue> {
  const written = readValue(valueCell);
  if (!written.ok) return written;
  return resolveValue(written.value, pick(row, layout.columns.unit), hint);
}

/** The values a row states, or null for a row that states none (a section heading, a footer). */
function rowValues(row: LedgerRow, layout: LedgerLayout): RowValue[] | null {
  if (layout.yearColumns.length > 0) {
    const filled = layout.yearColumns.filter((y) => !isEmptyCell(row.cells[y.column] ?? null));
    if (filled.length === 0) return null;
    return filled.map((y) => ({
      year: { ok: true, value: y.year },
      value: readRowValue(row, row.cells[y.column] ?? null, layout, y.unitHint ?? layout.valueUnitHint),
      which: { zh: `${y.year}年的`, en: `${y.year}: ` },
    }));
  }
  const valueCell = pick(row, layout.columns.value);
  // A data row states a value or at least its unit; without both it is a heading or a footer
  // (even when a year merged down the block fills its year cell).
  if (isEmptyCell(valueCell) && isEmptyCell(pick(row, layout.columns.unit))) return null;
  const year: CellReading<number> =
    layout.columns.year.length === 0 && layout.titleYear !== null
      ? { ok: true, value: layout.titleYear }
      : readYear(pick(row, layout.columns.year));
  return [
    { year, value: readRowValue(row, valueCell, layout, layout.valueUnitHint), which: { zh: '', en: '' } },
  ];
}

function formatValue(r: { value: number; unit: string }): string {
  return `${r.value}${r.unit}`;
}

/** The office of a row: its own cell, else the one given at import; a cell naming another office is a problem. */
function rowOrg(
  row: LedgerRow,
  layout: LedgerLayout,
  given: string | undefined,
): { org?: string; problem?: { zh: string; en: string } } {
  const written = officeName(cellText(pick(row, layout.columns.org)));
  if (written === '') {
    if (given || layout.columns.org.length === 0) return given ? { org: given } : {};
    return { problem: { zh: `缺少${fieldNames.org.zh}`, en: 'the office (org) is missing' } };
  }
  if (given && !sameOrg(written, given)) {
    return {
      problem: {
        zh: `单位“${written}”与导入时指定的单位“${given}”不一致`,
        en: `the office "${written}" is not the office given at import ("${given}")`,
      },
    };
  }
  return { org: given ?? written };
}

/**
 * Reads every data row below the header into records, each with its office (its 单位 cell, else
 * `org` given at import). Rows that state no value (section headings, footers) are skipped;
 * identical repeats are kept once; every other problem is collected with its row number, field and
 * a message that names the row.
 */
export function readRows(table: LedgerTable, layout: LedgerLayout, file: string, org?: string): RowsReading {
  const records: LedgerRecord[] = [];
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, LedgerRecord>();
  let unitMissing = 0;
  let valueRows = 0;

  for (const row of table.rows.slice(layout.dataIndex)) {
    if (row.cells.every(isEmptyCell)) continue;
    const values = rowValues(row, layout);
    if (values === null) continue;
    valueRows++;
    const at = rowLabel(table, row.row);
    const problem = (field: LedgerField, zh: string, en: string) =>
      problems.push({ row: row.row, field, message_zh: `${at.zh}:${zh}`, message_en: `${at.en}: ${en}` });

    const metric = cellText(pick(row, layout.columns.metric)).replace(/\s+/g, ' ');
    if (metric === '') problem('metric', `缺少${fieldNames.metric.zh}`, 'the metric name is missing');
    const note = cellText(pick(row, layout.columns.note));
    const office = rowOrg(row, layout, org);
    if (office.problem) problem('org', office.problem.zh, office.problem.en);

    for (const { year, value, which } of values) {
      if (!year.ok) problem('year', year.zh, year.en);
      if (!value.ok) {
        if (value.field === 'unit' && value.missing) unitMissing++;
        problem(value.field, `${which.zh}${value.zh}`, `${which.en}${value.en}`);
      }
      if (!year.ok || !value.ok || metric === '' || office.problem) continue;

      const record: LedgerRecord = {
        year: year.value,
        metric,
        value: value.value.value,
        unit: value.value.unit,
        note,
        source: { file, row: row.row },
        ...(office.org ? { org: office.org } : {}),
      };
      const key = `${office.org ?? ''}\u0000${record.year}\u0000${metric.replace(/\s+/g, '')}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, record);
        records.push(record);
      } else if (first.value !== record.value || first.unit !== record.unit) {
        const firstAt = rowLabel(table, first.source.row);
        problem(
          'metric',
          `与${firstAt.zh}重复:${office.org ?? ''}${record.year}年“${metric}”在${firstAt.zh}为${formatValue(first)},本行为${formatValue(record)}`,
          `duplicates ${firstAt.en}: ${record.year} "${metric}" is ${formatValue(first)} there and ${formatValue(record)} here`,
        );
      }
    }
  }

  // With no unit column and no unit anywhere, one column-level problem says it better than one per row.
  if (layout.columns.unit.length === 0 && unitMissing > 0 && unitMissing === valueRows) {
    const kept = problems.filter((p) => p.field !== 'unit');
    kept.unshift(missingColumnProblem(table, layout.headerRow, 'unit'));
    return { records, problems: kept };
  }
  return { records, problems };
}

/** The problem of a header that lacks a required column, with the other names the column may have. */
export function missingColumnProblem(table: LedgerTable, headerRow: number, field: LedgerField): ErrorDetail {
  const name = fieldNames[field];
  if (table.rowNoun === 'record') {
    return {
      field,
      message_zh: `记录缺少“${name.zh}”(${name.en})字段(也可写作${name.also})`,
      message_en: `the records have no "${name.en}" (${name.zh}) field`,
    };
  }
  const at = rowLabel(table, headerRow);
  return {
    row: headerRow,
    field,
    message_zh: `表头(${at.zh})缺少“${name.zh}”列(也可写作${name.also}、${name.en})`,
    message_en: `the header (${at.en}) has no "${name.en}" (${name.zh}) column`,
  };
}
