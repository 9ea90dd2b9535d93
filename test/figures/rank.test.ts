import { describe, expect, it } from 'vitest';
import { readRank } from '../../server/figures/claims/rank.ts';

describe('readRank', () => {
  it.each([
    ['名列全区第一', '全区第一', 1],
    ['位列全市第三名', '全市第三名', 3],
    ['全区排名第2', '全区排名第2', 2],
    ['排名第五,', '第五', 5],
    ['位居全国第十二位', '全国第十二位', 12],
  ])('%s → %s', (text, span, value) => {
    const rank = readRank(text, text.indexOf('第'))!;
    expect(text.slice(rank.start, rank.end)).toBe(span);
    expect(rank.value).toBe(value);
  });

  it.each(['完成第五批居民选房', '区第十六届人大代表', '普陀区第一个责任区', '全区第一个试点'])(
    '%s is an ordinal',
    (text) => {
      expect(readRank(text, text.indexOf('第'))).toBeNull();
    },
  );
});
