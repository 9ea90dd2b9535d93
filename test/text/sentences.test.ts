import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../server/text/sentences.ts';

const texts = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['丰富为老服务内涵。完成甘泉快捷照护站。', ['丰富为老服务内涵。', '完成甘泉快捷照护站。']],
    ['认真总结“三好管理法”。打造章家巷', ['认真总结“三好管理法”。', '打造章家巷']],
    ['他说:“好。”然后走了。', ['他说:“好。”', '然后走了。']],
    ['一是加强;二是推进。', ['一是加强;', '二是推进。']],
    ['第一行\n  第二行。', ['第一行', '第二行。']],
    ['', []],
    ['   ', []],
  ])('%s', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('splits only inside the given range and keeps offsets absolute', () => {
    const text = '前言。正文一。正文二。';
    const spans = splitSentences(text, 3, 10);
    expect(spans).toEqual([
      { start: 3, end: 7 },
      { start: 7, end: 10 },
    ]);
  });
});

describe('splitSentences with full-width punctuation', () => {
  it('splits on full-width ! ? ; and keeps a full-width closing bracket', () => {
    const text =
      '\u6210\u7EE9\u663E\u8457\uFF01\u4E3A\u4EC0\u4E48\uFF1F\u4E00\u662F\u52A0\u5F3A\uFF1B\uFF08\u8865\u5145\u3002\uFF09\u5B8C';
    expect(texts(text)).toEqual([
      '成绩显著\uFF01',
      '为什么\uFF1F',
      '一是加强\uFF1B',
      '\uFF08补充。\uFF09',
      '完',
    ]);
  });
});
