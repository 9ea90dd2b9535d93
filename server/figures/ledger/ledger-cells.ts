/** Reading the year, value and unit cells of one ledger row, as statisticians write them. */

import { normalizeUnit } from '../quantities/index.ts';
import type { LedgerCell } from './ledger-table.ts';
import { cellText, isCellFault } from './ledger-table.ts';

/** Why a cell could not be read: the field at fault, whether it was simply empty, the messages. */
export interface CellFailure {
  ok: false;
  field: 'year' | 'value' | 'unit';
  missing: boolean;
  zh: string;
  en: string;
}

/** A cell read successfully, or why not (Chinese for users, English for engineers). */
export type CellReading<T> = { ok: true; value: T } | CellFailure;

function fail(field: CellFailure['field'], zh: string, en: string, missing = false): CellFailure {
  return { ok: false, field, missing, zh, en };
}

function faultReading(cell: LedgerCell, field: CellFailure['field']): CellFailure | null {
  if (!isCellFault(cell)) return null;
  return cell.fault === 'formula_error'
    ? fail(field, `公式结果为错误值${cell.text}`, `the formula evaluates to the error ${cell.text}`)
    : fail(
        field,
        `公式“${cell.text}”没有计算结果,请在 Excel 中打开并保存后再导入`,
        `the formula "${cell.text}" has no cached result; open and save the file in Excel first`,
      );
}

/** Full-width digits and signs (NFKC), the minus sign U+2212, no spaces. */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/\s+/g, '');
}

/**
 * Reads a year cell: 2016, '2016', '2016年', '2016年度', '２０１６'.
 * @example readYear('2016年度') // { ok: true, value: 2016 }
 */
export function readYear(cell: LedgerCell): CellReading<number> {
  const fault = faultReading(cell, 'year');
  if (fault) return fault;
  const text = plain(cellText(cell));
  if (text === '') return fail('year', '缺少年度', 'the year is missing', true);
  const match = /^((?:19|20)\d{2})(?:\.0+)?(?:年度?)?$/.exec(text);
  if (!match) return fail('year', `年度“${cellText(cell)}”不是年份`, `"${cellText(cell)}" is not a year`);
  return { ok: true, value: Number(match[1]) };
}

/** A value cell as written: the number, a 万/亿 multiplier, and a unit written after it. */
export interface WrittenValue {
  number: number;
  /** 1, or 1e4 for 139.76万, 1e8 for 1.2亿. */
  multiplier: number;
  /** A unit written in the cell (96.6%, 154处, 139.76万元), else null. */
  unit: string | null;
}

const multipliers: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百万: 1e6, 万亿: 1e12 };

/** 1,032.6 · 154 · -34 · 0.5 — thousands commas only in groups of three. */
const numberPart = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(.*)$/;

/**
 * Reads a value cell: numbers, '1,032.6', full-width digits, '139.76万', '96.6%', '154处'.
 * Qualified figures (3400余, 约85000) are refused: a ledger holds exact values.
 * @example readValue('139.76万') // { ok: true, value: { number: 139.76, multiplier: 10000, unit: null } }
 */
export function readValue(cell: LedgerCell): CellReading<WrittenValue> {
  const fault = faultReading(cell, 'value');
  if (fault) return fault;
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { ok: true, value: { number: cell, multiplier: 1, unit: null } }
      : fail('value', '数值不是有限数', 'the value is not a finite number');
  }
  const written = cellText(cell);
  if (written === '') return fail('value', '缺少数值', 'the value is missing', true);
  const text = plain(written);
  const notNumber = fail('value', `数值“${written}”不是数字`, `the value "${written}" is not a number`);
  const match = numberPart.exec(text);
  if (!match) {
    return /^(约|近|超过|逾|不到)/.test(text) ? inexact(written) : notNumber;
  }
  const [, sign, integer, fraction = '', rest] = match;
  const number = Number(`${sign}${integer.replace(/,/g, '')}${fraction}`);
  if (rest === '') return { ok: true, value: { number, multiplier: 1, unit: null } };
  if (rest in multipliers) return { ok: true, value: { number, multiplier: multipliers[rest], unit: null } };
  if (/^(余|多|左右|以上|以下|以内)/.test(rest)) return inexact(written);
  if (normalizeUnit(rest)) return { ok: true, value: { number, multiplier: 1, unit: rest } };
  return notNumber;
}

function inexact(written: string): CellFailure {
  return fail(
    'value',
    `数值“${written}”不是确数:台账应填写确数,“余”“约”等说法请写进口径说明`,
    `the value "${written}" is not exact: a ledger holds exact values; put words such as 余 or 约 in the note`,
  );
}

/** The record's value in base units with its canonical unit. */
export interface ResolvedValue {
  value: number;
  unit: string;
}

/** Rounds away binary noise (139.76 × 10000 = 1397599.9999999998) without losing real digits. */
function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/**
 * Combines the value with the unit: the unit cell first, else the unit written in the value
 * cell, else the header's hint (数值(万元)). Refuses a unit both cells state differently and a 万
 * written twice (139.76万 with unit 万元).
 * @example resolveValue({ number: 139.76, multiplier: 1, unit: null }, '万元', null) // { value: 1397600, unit: '元' }
 */
export function resolveValue(
  written: WrittenValue,
  unitCell: LedgerCell,
  headerHint: string | null,
): CellReading<ResolvedValue> {
  const fault = faultReading(unitCell, 'unit');
  if (fault) return fault;
  const column = cellText(unitCell);
  if (column !== '' && written.unit !== null) {
    const a = normalizeUnit(column);
    const b = normalizeUnit(written.unit);
    if (!a || !b || a.unit !== b.unit || a.factor !== b.factor) {
      return fail(
        'unit',
        `数值中的单位“${written.unit}”与计量单位“${column}”不一致`,
        `the unit in the value ("${written.unit}") disagrees with the unit column ("${column}")`,
      );
    }
  }
  const unitText = column || written.unit || headerHint;
  if (!unitText) return fail('unit', '缺少计量单位', 'the unit is missing', true);
  const unit = normalizeUnit(unitText);
  if (!unit) return fail('unit', `未知计量单位“${unitText}”`, `unknown unit "${unitText}"`);
  if (written.multiplier !== 1 && unit.factor !== 1 && /^(万|亿|百万)/.test(unitText.trim())) {
    return fail(
      'unit',
      `数值和计量单位“${unitText}”都带了数量级(万/亿),无法确定数值大小`,
      `both the value and the unit "${unitText}" carry a magnitude (万/亿): the size is ambiguous`,
    );
  }
  return {
    ok: true,
    value: { value: clean(written.number * written.multiplier * unit.factor), unit: unit.unit },
  };
}
