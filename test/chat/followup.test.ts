import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../server/chat/followup.ts';
import { understand } from '../../server/chat/question.ts';
import type { Understanding } from '../../server/chat/types.ts';

const context = { latestYear: 2017, orgs: ['甘泉路街道'] };

/** Resolves each turn against the one before, as a conversation does. */
function conversation(...turns: string[]): Understanding {
  let current: Understanding | null = null;
  for (const turn of turns) current = resolveFollowUp(understand(turn, context), current);
  if (!current) throw new Error('no turns');
  return current;
}

describe('resolveFollowUp', () => {
  it.each([
    [
      ['2016年拆除了多少违法建筑?', '那2015年呢?'],
      {
        years: [2015],
        topic: '拆除违法建筑',
        numeric: true,
        followUp: true,
        question: '2015年拆除违法建筑是多少?',
      },
    ],
    [
      ['去年拆除违法建筑多少处?', '面积呢?'],
      { years: [2016], topic: '拆除违法建筑面积', unit: null, numeric: true },
    ],
    [
      ['2016年元旦春节帮困救助惠及多少人次?', '金额呢?'],
      { years: [2016], topic: '元旦春节帮困救助惠及金额', yearsFrom: 'inherited' },
    ],
    [
      ['2017年拆除违法建筑多少处?', '比2016年少了多少?'],
      { years: [2016, 2017], compare: true, topic: '拆除违法建筑' },
    ],
    [
      ['2017年比2016年拆除违法建筑少了多少?', '那面积呢?'],
      { years: [2016, 2017], compare: true, aspect: 'change' },
    ],
    [
      ['2017年比2016年拆除违法建筑少了多少?', '那2015年呢?'],
      { years: [2015], compare: false, aspect: 'level' },
    ],
    [['2016年拆除了多少违法建筑?', '那2015年呢?', '那2017年呢?'], { years: [2017], topic: '拆除违法建筑' }],
    [
      ['哪一年开始建社区微型消防站?', '那独居老人呢?'],
      { topic: '独居老人', asksWhen: false, followUp: true },
    ],
    [['长征镇2016年拆除了多少违法建筑?', '那2017年呢?'], { org: '长征镇', orgUnknown: true, years: [2017] }],
  ])('%j', (turns, expected) => {
    expect(conversation(...turns)).toMatchObject(expected);
  });

  it('leaves a question that stands on its own alone', () => {
    const previous = understand('2016年拆除了多少违法建筑?', context);
    const current = understand('独居老人有哪些关爱措施?', context);
    expect(resolveFollowUp(current, previous)).toBe(current);
  });

  it('cannot complete a first turn with no topic', () => {
    const u = understand('那2015年呢?', context);
    expect(resolveFollowUp(u, null)).toMatchObject({ topic: '', followUp: false });
  });
});
