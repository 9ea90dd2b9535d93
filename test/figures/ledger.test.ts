import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { goldClaims } from '../../evals/figures-gold.ts';
import { GovdraftError } from '../../server/errors.ts';
import { ledgerFormat, parseLedger } from '../../server/figures/ledger/ledger.ts';
import type { LedgerRecord } from '../../server/figures/types.ts';
import { corpusDir, packageRoot } from '../../server/paths.ts';

const fixtures = join(packageRoot, 'test/fixtures/ledger');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const ledgerFile = (name: string) => readFileSync(join(corpusDir, 'ledgers', name));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The GovdraftError that parsing rejects with (fails the test when parsing succeeds). */
async function failure(bytes: Uint8Array, name: string): Promise<GovdraftError> {
  const error = await parseLedger(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(GovdraftError.isInstance(error)).toBe(true);
  return error as GovdraftError;
}

function byMetric(records: LedgerRecord[], year: number): Map<string, LedgerRecord> {
  return new Map(records.filter((r) => r.year === year).map((r) => [r.metric, r]));
}

describe('bundled ledgers', () => {
  it('ganquan-2016.csv holds every gold figure of the seed report, one row each, in base units', async () => {
    const records = await parseLedger(ledgerFile('ganquan-2016.csv'), 'corpus/ledgers/ganquan-2016.csv');
    const gold = goldClaims();
    expect(records).toHaveLength(gold.length);
    const got = byMetric(records, 2016);
    for (const g of gold) {
      expect(got.get(g.metric), g.metric).toMatchObject({ value: g.value, unit: g.unit });
    }
    expect(got.get('社区互助养老服务次数')?.note).toContain('3400余次');
    expect(records[0].source).toEqual({ file: 'ganquan-2016.csv', row: 2 });
  });

  it('the 2017 sample is labelled on every row and covers most, not all, 2016 metrics', async () => {
    const sample = await parseLedger(ledgerFile('ganquan-2017-sample.csv'), 'ganquan-2017-sample.csv');
    expect(sample.every((r) => r.note.startsWith('示例数据'))).toBe(true);
    const metrics2016 = [
      ...byMetric(await parseLedger(ledgerFile('ganquan-2016.csv'), 'a.csv'), 2016).keys(),
    ];
    const sample2017 = byMetric(sample, 2017);
    const covered = metrics2016.filter((m) => sample2017.has(m)).length / metrics2016.length;
    expect(covered).toBeGreaterThanOrEqual(0.8);
    expect(covered).toBeLessThan(1);
    for (const fresh of ['新增社区食堂数', '老年助餐服务人次', '垃圾分类达标小区数']) {
      expect(sample2017.has(fresh), fresh).toBe(true);
      expect(metrics2016).not.toContain(fresh);
    }
  });

  it('the 2017 sample gives both years of the counts behind a year-on-year change, consistently', async () => {
    const sample = await parseLedger(ledgerFile('ganquan-2017-sample.csv'), 'ganquan-2017-sample.csv');
    const y2016 = byMetric(sample, 2016);
    const y2017 = byMetric(sample, 2017);
    for (const [count, change] of [
      ['信访量', '信访量同比变化'],
      ['入室盗窃和三车偷盗立案数', '入室盗窃和三车偷盗立案同比变化'],
    ]) {
      const before = y2016.get(count)!.value;
      const after = y2017.get(count)!.value;
      expect(Math.round(((after - before) / before) * 100)).toBe(y2017.get(change)!.value);
    }
  });

  it('2017 sample values stay within ±30% of 2016 (a plausible year)', async () => {
    const y2016 = byMetric(await parseLedger(ledgerFile('ganquan-2016.csv'), 'a.csv'), 2016);
    const y2017 = byMetric(await parseLedger(ledgerFile('ganquan-2017-sample.csv'), 'b.csv'), 2017);
    for (const [metric, now] of y2017) {
      const before = y2016.get(metric);
      if (!before || before.unit === '%' || before.unit === '名') continue;
      expect(Math.abs(now.value / before.value - 1), metric).toBeLessThanOrEqual(0.3);
      expect(now.unit).toBe(before.unit);
    }
  });
});

describe('parseLedger: encodings and formats', () => {
  it('reads a GBK CSV with CRLF and a quoted thousands comma, as Excel in China saves it', async () => {
    const bytes = fixture('gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const records = await parseLedger(bytes, 'gbk.csv');
    expect(records.map((r) => [r.metric, r.value, r.unit])).toEqual([
      ['网格中心受理案件数', 18735, '件'],
      ['元旦春节帮困救助总金额', 1397600, '元'],
      ['拆违销项完成率', 142.7, '%'],
    ]);
  });

  it('reads UTF-8 with a BOM exactly like plain UTF-8', async () => {
    const [record] = await parseLedger(fixture('utf8-bom.csv'), 'utf8-bom.csv');
    expect(record).toMatchObject({ year: 2016, metric: '拆除违法建筑处数', value: 154, unit: '处' });
  });

  it('reads GB18030, UTF-16 with BOM (Excel "Unicode text", tab-separated) and TSV', async () => {
    const text = '年度\t指标名称\t数值\t计量单位\n2016\t拆除违法建筑处数\t154\t处\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    for (const [bytes, name] of [
      [iconv.encode(text.replace(/\t/g, ','), 'gb18030'), 'a.csv'],
      [utf16, 'unicode.txt'],
      [utf8(text), 'a.tsv'],
    ] as const) {
      const records = await parseLedger(bytes, name);
      expect(records, name).toEqual([
        {
          year: 2016,
          metric: '拆除违法建筑处数',
          value: 154,
          unit: '处',
          note: '',
          source: { file: name, row: 2 },
        },
      ]);
    }
  });

  it('reads English headers in any case', async () => {
    const records = await parseLedger(fixture('english.csv'), 'english.csv');
    expect(records.map((r) => [r.metric, r.value, r.unit, r.note])).toEqual([
      ['拆除违法建筑处数', 154, '处', 'illegal structures demolished'],
      ['拆除违法建筑面积', 9058, '平方米', 'area of illegal structures demolished'],
      ['网格案件结案率', 100, '%', 'share of grid cases closed'],
      ['接受社会公益捐赠金额', 154000, '元', ''],
    ]);
  });

  it('reads JSON as {records: […]} with English keys', async () => {
    const records = await parseLedger(fixture('records.json'), 'records.json');
    expect(records.map((r) => [r.year, r.metric, r.value, r.unit, r.source.row])).toEqual([
      [2017, '新增社区食堂数', 2, '个', 1],
      [2017, '老年助餐服务人次', 42600, '人次', 2],
      [2017, '垃圾分类达标小区数', 18, '个', 3],
    ]);
  });

  it('reads a JSON array with Chinese header variants, 万 in the value, full-width digits, nulls', async () => {
    const records = await parseLedger(fixture('variants.json'), 'variants.json');
    expect(records.map((r) => [r.year, r.metric, r.value, r.unit, r.note])).toEqual([
      [2016, '元旦春节帮困救助总金额', 1397600, '元', '值里写了万'],
      [2016, '网格中心受理案件数', 18735, '件', '全角数字'],
      [2016, '信访量同比变化', -34, '%', ''],
      [2016, '二次供水改造面积', 528000, '平方米', ''],
    ]);
  });

  it('reads an .xlsx: instructions sheet skipped, header on row 3 under a merged title, merged cells, formulas', async () => {
    const records = await parseLedger(fixture('merged-header.xlsx'), 'merged-header.xlsx');
    expect(records.map((r) => [r.source.row, r.year, r.metric, r.value, r.unit])).toEqual([
      [6, 2017, '元旦春节帮困救助总金额', 1523400, '元'],
      [7, 2017, '网格中心受理案件数', 20416, '件'],
      [8, 2017, '网格中心结案数', 20334, '件'],
      [9, 2017, '网格案件结案率', 99.6, '%'],
      [11, 2017, '拆除存量违法建筑处数', 98, '处'],
      [12, 2017, '拆除新增违法建筑处数', 29, '处'],
      [13, 2017, '拆除违法建筑处数', 127, '处'],
      [14, 2017, '二次供水改造面积', 615000, '平方米'],
      [15, 2017, '签订安全责任书的社区单位数', 1412, '家'],
    ]);
    expect(records[3].note).toBe('示例数据;结案数/受理案件数');
  });

  it('reads a wide .xlsx (one column per year) under a two-row merged header, skipping empty years', async () => {
    const records = await parseLedger(fixture('wide-two-row-header.xlsx'), 'wide-two-row-header.xlsx');
    expect(records.map((r) => [r.year, r.metric, r.value, r.unit, r.source.row])).toEqual([
      [2016, '信访量', 425, '件', 4],
      [2017, '信访量', 374, '件', 4],
      [2016, '入室盗窃和三车偷盗立案数', 140, '起', 5],
      [2017, '入室盗窃和三车偷盗立案数', 119, '起', 5],
      [2016, '拆除违法建筑处数', 154, '处', 6],
      [2017, '拆除违法建筑处数', 127, '处', 6],
      [2017, '新增社区食堂数', 2, '个', 7],
    ]);
  });

  it('takes the year from the title when there is no year column', async () => {
    const text = '甘泉路街道2017年统计台账\n指标名称,数值(万元),备注\n帮困救助总金额,152.34,\n';
    const [record] = await parseLedger(utf8(text), 'a.csv');
    expect(record).toMatchObject({ year: 2017, value: 1523400, unit: '元' });
  });

  it('skips section headings and footers that state no value', async () => {
    const text = [
      '年度,指标名称,数值,计量单位',
      ',一、民生保障,,',
      '2016,元旦春节帮困救助人次,4720,人次',
      '',
      '填表人:王某,,,',
    ].join('\n');
    const records = await parseLedger(utf8(text), 'a.csv');
    expect(records.map((r) => r.metric)).toEqual(['元旦春节帮困救助人次']);
  });

  it('routes by content when the extension lies or is missing', () => {
    const xlsx = fixture('merged-header.xlsx');
    expect(ledgerFormat(xlsx, 'ledger.csv')).toBe('xlsx');
    expect(ledgerFormat(fixture('records.json'), 'upload')).toBe('json');
    expect(ledgerFormat(fixture('gbk.csv'), 'upload')).toBe('csv');
  });
});

describe('parseLedger: bad ledgers are refused whole, every problem listed', () => {
  it('names the missing column', async () => {
    const error = await failure(fixture('missing-column.csv'), 'missing-column.csv');
    expect(error.code).toBe('bad_ledger');
    expect(error.details).toEqual([
      {
        row: 1,
        field: 'value',
        message_zh: '表头(第1行)缺少“数值”列(也可写作数量、值、value)',
        message_en: 'the header (row 1) has no "value" (数值) column',
      },
    ]);
    expect(error.messageZh).toContain('未导入任何记录');
  });

  it('reports every bad row with its row number, field and reason', async () => {
    const error = await failure(fixture('bad-values.csv'), 'bad-values.csv');
    expect(error.code).toBe('bad_ledger');
    expect(error.details.map((d) => [d.row, d.field])).toEqual([
      [3, 'value'],
      [4, 'value'],
      [5, 'year'],
      [6, 'unit'],
      [7, 'unit'],
      [8, 'value'],
      [9, 'metric'],
    ]);
    const zh = error.details.map((d) => d.message_zh);
    expect(zh[0]).toBe('第3行:数值“十个”不是数字');
    expect(zh[1]).toContain('不是确数');
    expect(zh[2]).toBe('第5行:年度“二〇一六”不是年份');
    expect(zh[3]).toBe('第6行:未知计量单位“件套”');
    expect(zh[4]).toContain('不一致');
    expect(zh[5]).toBe('第8行:缺少数值');
    expect(zh[6]).toBe('第9行:缺少指标名称');
    expect(error.details.every((d) => d.message_en.startsWith(`row ${d.row}: `))).toBe(true);
    expect(error.messageZh).toContain('7处问题');
  });

  it('refuses duplicate metric rows of one year with different values, keeps identical repeats once', async () => {
    const error = await failure(fixture('duplicates.csv'), 'duplicates.csv');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({ row: 6, field: 'metric' });
    expect(error.details[0].message_zh).toBe(
      '第6行:与第2行重复:2016年“拆除违法建筑处数”在第2行为154处,本行为155处',
    );

    const fixed = readFileSync(join(fixtures, 'duplicates.csv'), 'utf8').split('\n').slice(0, 5).join('\n');
    const records = await parseLedger(utf8(fixed), 'duplicates.csv');
    expect(records.map((r) => [r.year, r.metric, r.source.row])).toEqual([
      [2016, '拆除违法建筑处数', 2],
      [2016, '拆除违法建筑面积', 3],
      [2017, '拆除违法建筑处数', 5],
    ]);
  });

  it('names JSON records by position', async () => {
    const json = JSON.stringify([
      { year: 2016, metric: '拆除违法建筑处数', value: 154, unit: '处' },
      { year: 2016, metric: '拆除违法建筑面积', value: 'n/a', unit: '平方米' },
    ]);
    const error = await failure(utf8(json), 'a.json');
    expect(error.details).toEqual([
      {
        row: 2,
        field: 'value',
        message_zh: '第2条记录:数值“n/a”不是数字',
        message_en: 'record 2: the value "n/a" is not a number',
      },
    ]);
  });

  it('says so when no row carries a unit and there is no unit column', async () => {
    const error = await failure(
      utf8('年度,指标名称,数值\n2016,拆除违法建筑处数,154\n2016,开展公益项目数,10\n'),
      'a.csv',
    );
    expect(error.details).toEqual([expect.objectContaining({ row: 1, field: 'unit' })]);
    expect(error.details[0].message_zh).toBe('表头(第1行)缺少“计量单位”列(也可写作单位、unit)');
  });

  it('refuses formula cells without a cached result and Excel error values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['年度', '指标名称', '数值', '计量单位']);
    ws.addRow([2016, '拆除违法建筑处数', { formula: '100+54' }, '处']);
    ws.addRow([2016, '网格案件结案率', { formula: 'C9/C10', result: { error: '#DIV/0!' } }, '%']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const error = await failure(bytes, 'formulas.xlsx');
    expect(error.details.map((d) => [d.row, d.field])).toEqual([
      [2, 'value'],
      [3, 'value'],
    ]);
    expect(error.details[0].message_zh).toContain('没有计算结果');
    expect(error.details[1].message_zh).toContain('#DIV/0!');
  });

  it.each([
    ['an empty file', new Uint8Array(), 'a.csv', 'empty_input'],
    ['a file of blanks', utf8(' \n\u3000\n'), 'a.csv', 'empty_input'],
    ['a header without rows', utf8('年度,指标名称,数值,计量单位\n'), 'a.csv', 'empty_input'],
    ['an empty JSON array', utf8('[]'), 'a.json', 'empty_input'],
    ['JSON that is not a list of records', utf8('{"year": 2016}'), 'a.json', 'bad_ledger'],
    ['broken JSON', utf8('[{"year": 2016,'), 'a.json', 'corrupt_file'],
    ['broken CSV quoting', utf8('年度,指标名称,数值,计量单位\n2016,"拆除,154,处\n'), 'a.csv', 'bad_ledger'],
    [
      'a PNG named .csv',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'a.csv',
      'binary_input',
    ],
    [
      'an old .xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'a.xls',
      'unsupported_format',
    ],
    ['a .docx', utf8('whatever'), 'report.docx', 'unsupported_format'],
    [
      'a zip of junk named .xlsx',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
      'a.xlsx',
      'corrupt_file',
    ],
    ['text named .xlsx', utf8('年度,指标名称\n'), 'a.xlsx', 'corrupt_file'],
  ])('refuses %s with a clear error', async (_what, bytes, name, code) => {
    const error = await failure(bytes, name);
    expect(error.code).toBe(code);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).toMatch(/[a-z]/);
  });

  it('says a report is not a ledger', async () => {
    const report = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'));
    const error = await failure(report, '甘泉路街道2016年工作总结.txt');
    expect(error.code).toBe('bad_ledger');
    expect(error.messageZh).toContain('不像台账');
    expect(error.messageZh).toContain('年度、指标名称、数值');
  });
});
