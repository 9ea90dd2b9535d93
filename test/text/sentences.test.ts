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
