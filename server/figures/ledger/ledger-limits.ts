/**
 * What a ledger file may hold, counted as the table is built so that work stays proportional to
 * what the file really contains: rows, columns (JSON: distinct keys) and cells (every slot of the
 * grid, so a lone cell far to the right counts for the whole width it makes a row span).
 */
import { GovdraftError } from '../../errors.ts';

/** The limits: real ledgers have tens of columns and at most tens of thousands of rows. */
export const ledgerLimits = { rows: 50_000, columns: 256, cells: 250_000 } as const;

type Measure = keyof typeof ledgerLimits;

const names: Record<Measure, { zh: string; en: string }> = {
  rows: { zh: '行', en: 'rows' },
  columns: { zh: '列', en: 'columns' },
  cells: { zh: '单元格', en: 'cells' },
};

/**
 * The 413 error for a ledger past one of its limits; `where` names the sheet or the JSON keys.
 * @example ledgerTooLarge('columns', 702, { zh: '工作表“台账”', en: 'sheet "台账"' })
 */
export function ledgerTooLarge(
  measure: Measure,
  count: number,
  where: { zh: string; en: string },
): GovdraftError {
  const limit = ledgerLimits[measure];
  const name = names[measure];
  return new GovdraftError(
    'file_too_large',
    `台账过大：${where.zh}的${name.zh}数达到 ${count.toLocaleString('en-US')}，上限为 ${limit.toLocaleString('en-US')}；请只保留台账所需的表格后再导入`,
    `Ledger too large: ${where.en} reaches ${count} ${name.en} (limit ${limit})`,
  );
}

/** Counts rows and grid cells while a table is built; throws `ledgerTooLarge` past a limit. */
export interface TableBudget {
  /** One more row spanning `width` columns. */
  row(width: number): void;
}

/** A fresh budget for one table. */
export function tableBudget(where: { zh: string; en: string }): TableBudget {
  let rows = 0;
  let cells = 0;
  return {
    row(width) {
      rows++;
      cells += width;
      if (width > ledgerLimits.columns) throw ledgerTooLarge('columns', width, where);
      if (rows > ledgerLimits.rows) throw ledgerTooLarge('rows', rows, where);
      if (cells > ledgerLimits.cells) throw ledgerTooLarge('cells', cells, where);
    },
  };
}
