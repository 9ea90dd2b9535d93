import { beforeAll, describe, expect, it } from 'vitest';
import {
  expandAbbreviations,
  findMetrics,
  ledgerYears,
  type MetricQuery,
} from '../../server/chat/metrics.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { bundledLedger } from './ledgers.ts';

let ledger: LedgerRecord[];
beforeAll(async () => {
  ledger = await bundledLedger();
});

const query = (topic: string, more: Partial<MetricQuery> = {}): MetricQuery => ({
  topic,
  context: topic,
  unit: null,
  aspect: 'level',
  ...more,
});
const names = (topic: string, year: number, more: Partial<MetricQuery> = {}) =>
  findMetrics(ledger, query(topic, more), year).map((m) => m.record.metric);

describe('findMetrics over the bundled ledgers', () => {
  it.each([
    ['拆除违法建筑', 2016, {}, ['拆除违法建筑处数', '拆除违法建筑面积']],
    ['拆除违法建筑', 2016, { unit: '处' }, ['拆除违法建筑处数']],
    ['帮困救助金额', 2016, {}, ['元旦春节帮困救助总金额']],
    ['拆违面积', 2016, { unit: '平方米' }, ['拆除违法建筑面积']],
    ['拆违完成率全区排名', 2017, { aspect: 'rank' }, ['拆违完成率全区排名']],
    ['信访量', 2017, { aspect: 'change' }, ['信访量同比变化']],
    ['信访量', 2017, {}, ['信访量']],
    ['网格中心累计受理案件', 2016, {}, ['网格中心受理案件数']],
    ['垃圾分类达标小区', 2017, {}, ['垃圾分类达标小区数']],
  ] as const)('%s (%i, %j) → %j', (topic, year, more, expected) => {
    expect(names(topic, year, more)).toEqual(expected);
  });

  it.each([
    ['垃圾分类达标小区', 2016],
    ['街道引进企业', 2016],
    ['河长制', 2017],
    ['', 2016],
  ])('finds nothing for %s in %i', (topic, year) => {
    expect(names(topic, year)).toEqual([]);
  });

  it('lists the ledger years', () => {
    expect(ledgerYears(ledger)).toEqual([2016, 2017]);
  });
});

describe('expandAbbreviations', () => {
  it.each([
    ['拆违面积', '拆除违法建筑面积'],
    ['综治目标责任书', '社会治安综合治理目标责任书'],
    ['独居老人', '独居老人'],
  ])('%s → %s', (topic, expanded) => {
    expect(expandAbbreviations(topic)).toBe(expanded);
  });
});
