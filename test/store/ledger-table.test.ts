import { join } from 'node:path';
import { connect } from '@lancedb/lancedb';
import { Field, Float64, Int32, Schema, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../server/figures/index.ts';
import type { BulkStore } from '../../server/store/store.ts';
import { tempStores } from '../support/temp-stores.ts';

const temp = tempStores('govdraft-ledger-');

const open = (dataDir = temp.dir()): Promise<BulkStore> => temp.open(dataDir, { dimensions: 64 });

const record = (
  org: string | undefined,
  year: number,
  metric: string,
  value: number,
  row = 2,
): LedgerRecord => ({
  year,
  metric,
  value,
  unit: '处',
  note: '',
  source: { file: 'district.csv', row },
  ...(org ? { org } : {}),
});

/** The ledger table as 0.1 wrote it: no `org` column. */
const schema01 = new Schema([
  new Field('year', new Int32(), false),
  new Field('metric', new Utf8(), false),
  new Field('value', new Float64(), false),
  new Field('unit', new Utf8(), false),
  new Field('note', new Utf8(), false),
  new Field('sourceFile', new Utf8(), false),
  new Field('sourceRow', new Int32(), false),
]);

describe('ledger offices', () => {
  it('keeps the same metric of two offices apart and filters by any name of an office', async () => {
    const store = await open();
    expect(
      await store.importLedger([
        record('殷行街道', 2023, '拆除违法建筑', 154, 2),
        record('五角场街道', 2023, '拆除违法建筑', 38, 3),
      ]),
    ).toEqual({ added: 2, replaced: 0 });
    // The long name of a stored office replaces that office's row, under the name already stored.
    expect(
      await store.importLedger([record('上海市杨浦区人民政府殷行街道办事处', 2023, '拆除违法建筑', 150)]),
    ).toEqual({ added: 0, replaced: 1 });
    const yinhang = await store.queryLedger({ org: '上海市杨浦区人民政府殷行街道办事处' });
    expect(yinhang.map((r) => [r.org, r.value])).toEqual([['殷行街道', 150]]);
    expect((await store.queryLedger({ org: '五角场街道' })).map((r) => r.value)).toEqual([38]);
    expect(await store.queryLedger({ org: '长白新村街道' })).toEqual([]);
    expect((await store.queryLedger({})).map((r) => r.org)).toEqual(['五角场街道', '殷行街道']);
  });

  it('upgrades a 0.1 ledger table in place: old rows kept with no office, new rows with theirs', async () => {
    const dataDir = temp.dir();
    const db = await connect(join(dataDir, 'lancedb'));
    const old = await db.createEmptyTable('ledger', schema01);
    await old.add([
      {
        year: 2016,
        metric: '拆除违法建筑处数',
        value: 154,
        unit: '处',
        note: '',
        sourceFile: 'ganquan-2016.csv',
        sourceRow: 14,
      },
    ]);
    db.close();

    const store = await open(dataDir);
    const before = await store.queryLedger({});
    expect(before).toEqual([
      {
        year: 2016,
        metric: '拆除违法建筑处数',
        value: 154,
        unit: '处',
        note: '',
        source: { file: 'ganquan-2016.csv', row: 14 },
      },
    ]);
    expect(await store.importLedger([record('甘泉路街道', 2016, '拆除违法建筑处数', 155)])).toEqual({
      added: 1,
      replaced: 0,
    });
    const after = await store.queryLedger({ year: 2016 });
    expect(after.map((r) => [r.org ?? null, r.value])).toEqual([
      [null, 154],
      ['甘泉路街道', 155],
    ]);
    // A record with no office still replaces the one with no office.
    expect(await store.importLedger([record(undefined, 2016, '拆除违法建筑处数', 153)])).toEqual({
      added: 0,
      replaced: 1,
    });
  });

  it('assigns the records with no office to an office, only those of one file when asked', async () => {
    const store = await open();
    await store.importLedger([
      record(undefined, 2016, '拆除违法建筑处数', 154, 2),
      { ...record(undefined, 2016, '帮困救助人次', 4720, 3), source: { file: 'other.csv', row: 3 } },
      record('殷行街道', 2016, '拆除违法建筑处数', 12, 4),
    ]);
    expect(await store.assignLedger('甘泉路街道', 'district.csv')).toEqual({ assigned: 1 });
    expect((await store.queryLedger({ org: '甘泉路街道' })).map((r) => [r.metric, r.value])).toEqual([
      ['拆除违法建筑处数', 154],
    ]);
    expect((await store.queryLedger({})).filter((r) => !r.org).map((r) => r.metric)).toEqual([
      '帮困救助人次',
    ]);
    expect(await store.assignLedger('上海市普陀区甘泉路街道办事处')).toEqual({ assigned: 1 });
    expect((await store.queryLedger({ org: '甘泉路街道' })).map((r) => r.org)).toEqual([
      '甘泉路街道',
      '甘泉路街道',
    ]);
    expect((await store.queryLedger({ org: '殷行街道' })).map((r) => r.value)).toEqual([12]);
    expect(await store.assignLedger('甘泉路街道')).toEqual({ assigned: 0 });
  });
});
