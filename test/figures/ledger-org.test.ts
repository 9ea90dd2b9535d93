import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { parseLedger } from '../../server/figures/ledger/ledger.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (rows: string[][]) => utf8(`${rows.map((r) => r.join(',')).join('\n')}\n`);

/** The GovdraftError that parsing rejects with (fails the test when parsing succeeds). */
async function failure(bytes: Uint8Array, name: string, org?: string): Promise<GovdraftError> {
  const error = await parseLedger(bytes, name, { org }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(GovdraftError.isInstance(error)).toBe(true);
  return error as GovdraftError;
}

describe('the office of ledger rows', () => {
  it.each([['单位名称'], ['填报单位'], ['街道'], ['乡镇'], ['org']])(
    'reads an office column headed %s, one record per office for the same metric',
    async (header) => {
      const records = await parseLedger(
        csv([
          [header, '年度', '指标名称', '数值', '计量单位'],
          ['殷行街道', '2023', '拆除违法建筑', '154', '处'],
          ['五角场街道', '2023', '拆除违法建筑', '38', '处'],
        ]),
        'district.csv',
      );
      expect(records.map((r) => [r.org, r.metric, r.value])).toEqual([
        ['殷行街道', '拆除违法建筑', 154],
        ['五角场街道', '拆除违法建筑', 38],
      ]);
    },
  );

  it('reads a column headed 单位 as the office when 计量单位 holds the unit', async () => {
    const records = await parseLedger(
      csv([
        ['单位', '年度', '指标名称', '数值', '计量单位'],
        ['长白新村街道', '2023', '新增就业岗位', '1 200', '个'],
      ]),
      'a.csv',
    );
    expect(records[0]).toMatchObject({ org: '长白新村街道', unit: '个', value: 1200 });
  });

  it('reads a lone 单位 column as the office when its cells name offices, as the unit otherwise', async () => {
    const offices = await parseLedger(
      csv([
        ['单位', '年度', '指标名称', '数值（万元）'],
        ['木洞镇', '2023', '帮困救助金额', '139.76'],
      ]),
      'a.csv',
    );
    expect(offices[0]).toMatchObject({ org: '木洞镇', unit: '元', value: 1397600 });
    const units = await parseLedger(
      csv([
        ['年度', '指标名称', '数值', '单位'],
        ['2023', '拆除违法建筑', '154', '处'],
      ]),
      'b.csv',
    );
    expect(units[0]).toMatchObject({ unit: '处', value: 154 });
    expect(units[0].org).toBeUndefined();
  });

  it('gives every row the office named at import, and no office when none is named', async () => {
    const rows = csv([
      ['年度', '指标名称', '数值', '计量单位'],
      ['2023', '拆除违法建筑', '154', '处'],
    ]);
    expect((await parseLedger(rows, 'a.csv', { org: ' 殷行 街道 ' }))[0].org).toBe('殷行街道');
    expect((await parseLedger(rows, 'a.csv'))[0].org).toBeUndefined();
  });

  it('accepts the office named at import in any of its names, keeping the one given', async () => {
    const records = await parseLedger(
      csv([
        ['街道', '年度', '指标名称', '数值', '计量单位'],
        ['殷行街道', '2023', '拆除违法建筑', '154', '处'],
      ]),
      'a.csv',
      { org: '上海市杨浦区人民政府殷行街道办事处' },
    );
    expect(records[0].org).toBe('上海市杨浦区人民政府殷行街道办事处');
  });

  it('refuses rows of another office than the one named at import, and rows with no office', async () => {
    const other = await failure(
      csv([
        ['街道', '年度', '指标名称', '数值', '计量单位'],
        ['五角场街道', '2023', '拆除违法建筑', '38', '处'],
      ]),
      'a.csv',
      '殷行街道',
    );
    expect(other.details?.[0]).toMatchObject({ row: 2, field: 'org' });
    expect(other.details?.[0].message_zh).toContain('五角场街道');
    const missing = await failure(
      csv([
        ['街道', '年度', '指标名称', '数值', '计量单位'],
        ['', '2023', '拆除违法建筑', '38', '处'],
      ]),
      'a.csv',
    );
    expect(missing.details?.[0]).toMatchObject({ row: 2, field: 'org' });
  });

  it('still refuses the same metric twice for one office', async () => {
    const error = await failure(
      csv([
        ['街道', '年度', '指标名称', '数值', '计量单位'],
        ['殷行街道', '2023', '拆除违法建筑', '154', '处'],
        ['殷行街道', '2023', '拆除违法建筑', '150', '处'],
      ]),
      'a.csv',
    );
    expect(error.details?.[0]).toMatchObject({ row: 3, field: 'metric' });
  });
});
