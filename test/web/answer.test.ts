import { describe, expect, it } from 'vitest';
import type { ChatAnswer } from '../../server/chat/index.ts';
import { answerWithSources, citationLine, segments } from '../../server/web/client/answer.ts';

describe('segments', () => {
  it.each([
    ['共154处[1]。', [1], [{ text: '共154处' }, { cite: 1 }, { text: '。' }]],
    ['[2]开头', [2], [{ cite: 2 }, { text: '开头' }]],
    ['甲[1][2]', [1, 2], [{ text: '甲' }, { cite: 1 }, { cite: 2 }]],
    ['“五违四必”[1]整治[3]', [3], [{ text: '“五违四必”[1]整治' }, { cite: 3 }]],
    ['没有引用', [1], [{ text: '没有引用' }]],
    ['', [], []],
  ])('%s', (text, known, expected) => {
    expect(segments(text, new Set(known))).toEqual(expected);
  });
});

const answer: ChatAnswer = {
  answer: '2016年,拆除违法建筑处数为154处[1]。\n',
  mode: 'ledger',
  citations: [
    {
      n: 1,
      report: '甘泉路街道2016年工作总结',
      reportId: 'abc',
      year: 2016,
      part: 2,
      partTitle: '补齐发展短板',
      section: 'part',
      paragraph: 2,
      text: '全年共计拆除违法建筑154处。',
      label: '《甘泉路街道2016年工作总结》(二)补齐发展短板 第2段',
    },
  ],
  figures: [
    {
      text: '154处',
      value: 154,
      unit: '处',
      origin: 'ledger',
      year: 2016,
      metric: '拆除违法建筑处数',
      source: 'ganquan-2016.csv 第14行 拆除违法建筑处数',
      grounded: true,
    },
    {
      text: '99处',
      value: 99,
      unit: '处',
      origin: 'passage',
      year: null,
      metric: null,
      source: null,
      grounded: false,
    },
    {
      text: '减少27处',
      value: -27,
      unit: '处',
      origin: 'computed',
      year: 2017,
      metric: '拆除违法建筑处数',
      source: null,
      computation: '127 − 154 = −27(处)',
      sample: true,
      grounded: true,
    },
  ],
  notices: [],
  model: null,
  understanding: {} as ChatAnswer['understanding'],
};

describe('answerWithSources', () => {
  it('copies the text, its sources and the grounding of each grounded figure', () => {
    expect(answerWithSources(answer)).toBe(
      [
        '2016年,拆除违法建筑处数为154处[1]。',
        '',
        '来源：',
        '[1] 《甘泉路街道2016年工作总结》(二)补齐发展短板 第2段',
        '',
        '数字依据：',
        '154处：ganquan-2016.csv 第14行 拆除违法建筑处数',
        '减少27处：127 − 154 = −27(处)（示例数据）',
      ].join('\n'),
    );
  });

  it('leaves out empty sections', () => {
    const bare = { ...answer, answer: '没有找到。', citations: [], figures: [] };
    expect(answerWithSources(bare)).toBe('没有找到。');
  });

  it('names a citation by its number and label', () => {
    expect(citationLine({ n: 3, label: '《某报告》结尾' })).toBe('[3] 《某报告》结尾');
  });
});
