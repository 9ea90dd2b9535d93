import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../server/retrieve/query.ts';

describe('searchTerms', () => {
  it.each([
    ['哪一年拆除违法建筑154处?', '拆除违法建筑154处'],
    ['独居老人关爱措施有哪些?', '独居老人关爱措施'],
    ['元旦春节帮困救助的总金额是多少?', '元旦春节帮困救助的总金额是'],
    ['“五违四必”指的是什么?', '五违四必 指的是'],
    ['  违法建筑  ', '违法建筑'],
    ['多少?', '多少?'],
  ])('%s → %s', (question, expected) => {
    expect(searchTerms(question)).toBe(expected);
  });
});
