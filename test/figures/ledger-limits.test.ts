import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { parseLedger } from '../../server/figures/ledger/ledger.ts';
import { ledgerLimits } from '../../server/figures/ledger/ledger-limits.ts';
import { worksheetCensus } from '../../server/figures/ledger/ledger-xlsx-census.ts';
import {
  craftedSheetXlsx,
  farCoordinatesXlsx,
  farRowXlsx,
  manyKeysJson,
  xlsxBomb,
} from '../support/hostile-files.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, name: string): Promise<GovdraftError> {
  const error = await parseLedger(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(GovdraftError.isInstance(error), String(error)).toBe(true);
  return error as GovdraftError;
}

describe('ledger limits: work follows what a file holds, never what it claims', () => {
  it('refuses an .xlsx with a cell at column ZZ by its width, not by walking 200000 × 702 cells', async () => {
    const error = await refusal(await farCoordinatesXlsx(), 'far.xlsx');
    expect(error.code).toBe('file_too_large');
    expect(error.messageZh).toBe(
      '台账过大：工作表“台账”的列数达到 702，上限为 256；请只保留台账所需的表格后再导入',
    );
    expect(error.message).toBe('Ledger too large: sheet "台账" reaches 702 columns (limit 256)');
  });

  it('reads an .xlsx whose far cell is at row 200000 as three present rows, naming that row', async () => {
    const error = await refusal(await farRowXlsx(), 'far-row.xlsx');
    expect(error.code).toBe('bad_ledger');
    expect(error.details.map((d) => d.row)).toEqual([200000, 200000, 200000]);
  });

  it('refuses a JSON ledger at its 257th distinct key', async () => {
    const error = await refusal(manyKeysJson(40_000), 'keys.json');
    expect(error.code).toBe('file_too_large');
    expect(error.messageZh).toContain('列数达到 257，上限为 256');
  });

  it('reads JSON records with keys of their own (a few extra keys are columns like any other)', async () => {
    const json = JSON.stringify([
      { 年度: 2016, 指标名称: '甲', 数值: 1, 计量单位: '个' },
      { 年度: 2016, 指标名称: '乙', 数值: 2, 计量单位: '个', 口径说明: '只有这一条有' },
    ]);
    const records = await parseLedger(utf8(json), 'a.json');
    expect(records.map((r) => [r.metric, r.note])).toEqual([
      ['甲', ''],
      ['乙', '只有这一条有'],
    ]);
  });

  it('refuses a CSV with more rows or columns than a ledger has', async () => {
    const tall = `年度,指标名称,数值,计量单位\n${'2016,甲,1,个\n'.repeat(ledgerLimits.rows)}`;
    expect((await refusal(utf8(tall), 'tall.csv')).messageZh).toContain('CSV 台账的行数达到 50,001');
    const wide = `年度,指标名称,数值,计量单位${',备注'.repeat(300)}\n2016,甲,1,个\n`;
    expect((await refusal(utf8(wide), 'wide.csv')).messageZh).toContain('CSV 台账的列数达到 304');
  });

  it('refuses an .xlsx bomb before exceljs expands it', async () => {
    const error = await refusal(await xlsxBomb(100), 'bomb.xlsx');
    expect(error.code).toBe('file_too_large');
    expect(error.messageZh).toBe('Excel 工作簿解压后超过 64 MB，无法读取（可能是“压缩炸弹”）');
  });

  it.each([
    [
      'a merged range over the whole sheet',
      '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>',
      false,
      'file_too_large',
      '单元格数达到',
    ],
    [
      'a merged range that is not a reference',
      '<mergeCells count="1"><mergeCell ref="A&#49;:B2"/></mergeCells>',
      false,
      'corrupt_file',
      '合并单元格',
    ],
    [
      'a column range past XFD',
      '<cols><col min="1" max="1000000000" width="9"/></cols>',
      true,
      'corrupt_file',
      '列范围',
    ],
  ])('refuses %s before exceljs builds it', async (_name, extra, before, code, words) => {
    const error = await refusal(await craftedSheetXlsx(extra, before), 'crafted.xlsx');
    expect(error.code).toBe(code);
    expect(error.messageZh).toContain(words);
  });

  it('reads a crafted sheet whose extra XML is within bounds (whole-width columns, a small merge)', async () => {
    const bytes = await craftedSheetXlsx('<cols><col min="1" max="16384" width="9"/></cols>', true);
    expect(await parseLedger(bytes, 'ok.xlsx')).toHaveLength(1);
  });
});

describe('worksheetCensus', () => {
  it('counts tags cut between chunks once', () => {
    const watch = worksheetCensus('xl/worksheets/sheet1.xml');
    const xml = Buffer.from(
      `<sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(ledgerLimits.rows + 1)}`,
    );
    const error = (() => {
      try {
        for (let i = 0; i < xml.length; i += 7) watch(xml.subarray(i, i + 7));
      } catch (e) {
        return e as GovdraftError;
      }
      return null;
    })();
    expect(error?.messageZh).toContain('工作表（sheet1.xml）的行数达到 50,001');
  });
});
