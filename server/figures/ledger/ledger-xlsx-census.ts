/**
 * A census of a worksheet's XML as it is inflated, before exceljs builds it: exceljs makes an object
 * for every cell, every cell a merged range covers and every column a <col> range spans, so a
 * two-kilobyte sheet can ask it for billions. Counting the tags first keeps its work bounded.
 */
import { GovdraftError } from '../../errors.ts';
import type { EntryWatcher } from '../../zip/index.ts';
import { ledgerLimits, ledgerTooLarge } from './ledger-limits.ts';

/** exceljs compares every merged range with every other: past a few thousand that alone takes long. */
const maxMerges = 5_000;
/** The widest sheet Excel itself writes (column XFD). */
const maxColumn = 16_384;

const tagPattern = /<(c|row|mergeCell|col)(?=[\s/>])([^>]*)>/g;

function attribute(attributes: string, name: string): string | null {
  return new RegExp(`\\b${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(attributes)?.[2] ?? null;
}

/** Column number of letters (A → 1, ZZ → 702). */
const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function corruptSheet(sheet: string, what: string): GovdraftError {
  return new GovdraftError(
    'corrupt_file',
    `Excel 工作簿已损坏：工作表（${sheet}）中有无效的${what}`,
    `The workbook is corrupt: invalid ${what} in ${sheet}`,
  );
}

function tooManyMerges(sheet: string): GovdraftError {
  return new GovdraftError(
    'file_too_large',
    `台账过大：工作表（${sheet}）中的合并单元格超过 ${maxMerges.toLocaleString('en-US')} 处`,
    `Ledger too large: ${sheet} holds more than ${maxMerges} merged ranges`,
  );
}

/** Cells a merged range such as A1:C2 covers (6), or null when the reference is not plain A1 form. */
function mergedArea(ref: string): number | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
  if (!m) return null;
  const columns = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  return columns * rows;
}

/**
 * A watcher for one worksheet entry (`xl/worksheets/sheet1.xml`) that throws GovdraftError
 * `file_too_large` once the sheet holds more rows or cells than a ledger may (merged ranges count
 * every cell they cover), and `corrupt_file` for ranges or columns Excel never writes.
 */
export function worksheetCensus(entryName: string): EntryWatcher {
  const sheet = entryName.split('/').pop() ?? entryName;
  const where = { zh: `工作表（${sheet}）`, en: `worksheet ${sheet}` };
  let carry = '';
  let cells = 0;
  let rows = 0;
  let merges = 0;
  const count = (tag: string, attributes: string): void => {
    if (tag === 'c') cells++;
    else if (tag === 'row') rows++;
    else if (tag === 'col') {
      const max = Number(attribute(attributes, 'max') ?? 0);
      if (!Number.isInteger(max) || max > maxColumn) throw corruptSheet(sheet, '列范围');
    } else {
      const area = mergedArea(attribute(attributes, 'ref') ?? '');
      if (area === null) throw corruptSheet(sheet, '合并单元格');
      merges++;
      cells += area - 1;
      if (merges > maxMerges) throw tooManyMerges(sheet);
    }
  };
  return (chunk) => {
    // Tags are ASCII: latin1 never splits a character, and a tag cut by the chunk's end is carried.
    const text = carry + chunk.toString('latin1');
    const open = text.lastIndexOf('<');
    const cut = open > text.lastIndexOf('>') ? open : text.length;
    carry = text.slice(cut);
    for (const m of text.slice(0, cut).matchAll(tagPattern)) count(m[1], m[2]);
    if (rows > ledgerLimits.rows) throw ledgerTooLarge('rows', rows, where);
    if (cells > ledgerLimits.cells) throw ledgerTooLarge('cells', cells, where);
  };
}
