/** Reading a JSON ledger (an array of objects, or `{ records: [...] }`) into a table. */
import { GovdraftError } from '../../errors.ts';
import { decodeBytes } from '../../text/index.ts';
import { ledgerLimits, ledgerTooLarge, tableBudget } from './ledger-limits.ts';
import type { LedgerCell, LedgerTable } from './ledger-table.ts';

const jsonPlace = { zh: 'JSON 台账（字段名即列）', en: 'the JSON ledger (keys are columns)' };

function notLedger(what: string, whatEn: string): GovdraftError {
  return new GovdraftError(
    'bad_ledger',
    `JSON 台账应为对象数组或 {"records": [...]},${what}`,
    `A JSON ledger is an array of objects or {"records": [...]}; ${whatEn}`,
  );
}

function cellOf(value: unknown): LedgerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Reads JSON bytes into a ledger table: the keys (in order of first appearance) form the header
 * row (row 0) and each object is a row numbered by its 1-based position in the array.
 * @example readJsonTable(bytes of '[{"year":2016,"metric":"拆除违法建筑处数","value":154,"unit":"处"}]')
 */
export function readJsonTable(bytes: Uint8Array): LedgerTable {
  const { text } = decodeBytes(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GovdraftError(
      'corrupt_file',
      `JSON 格式错误,无法读取台账:${(error as Error).message}`,
      `Invalid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const list = Array.isArray(data) ? data : (data as { records?: unknown } | null)?.records;
  if (!Array.isArray(list)) throw notLedger('这里两者都不是', 'this is neither');
  const bad = list.findIndex((item) => typeof item !== 'object' || item === null || Array.isArray(item));
  if (bad >= 0) throw notLedger(`第${bad + 1}条记录不是对象`, `record ${bad + 1} is not an object`);

  return tableOf(list as Record<string, unknown>[]);
}

/**
 * The objects as rows over their keys in order of first appearance: each row as wide as its last
 * key, distinct keys counted as they appear (a ledger has a handful; thousands are refused at once).
 */
function tableOf(objects: Record<string, unknown>[]): LedgerTable {
  const budget = tableBudget(jsonPlace);
  const columnOf = new Map<string, number>();
  const rows = objects.map((o, i) => {
    const present: [number, LedgerCell][] = [];
    for (const [key, value] of Object.entries(o)) {
      let column = columnOf.get(key);
      if (column === undefined) {
        column = columnOf.size;
        if (column >= ledgerLimits.columns) throw ledgerTooLarge('columns', column + 1, jsonPlace);
        columnOf.set(key, column);
      }
      present.push([column, cellOf(value)]);
    }
    const width = present.reduce((w, [c]) => Math.max(w, c + 1), 0);
    budget.row(width);
    const cells: LedgerCell[] = new Array(width).fill(null);
    for (const [c, value] of present) cells[c] = value;
    return { row: i + 1, cells };
  });
  return {
    sheet: null,
    rows: [{ row: 0, cells: [...columnOf.keys()] }, ...rows],
    merges: [],
    rowNoun: 'record',
  };
}
