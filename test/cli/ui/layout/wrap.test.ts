import { describe, expect, it } from 'vitest';
import {
  inverseRow,
  textWidth,
  truncateText,
  wrapSegments,
  wrapText,
} from '../../../../cli/ui/layout/wrap.ts';

const plain = (lines: ReturnType<typeof wrapText>): string[] =>
  lines.map((l) => l.map((s) => s.text).join(''));

describe('textWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['甘泉路', 6],
    ['139.76万元', 10],
    ['【待核实】', 10],
    ['\uFF0C\u3002', 4],
    ['𠮷', 2],
  ])('%s takes %i cells', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

describe('wrapText', () => {
  it.each([
    {
      name: 'CJK text breaks every width/2 characters',
      text: '丰富为老服务内涵完成甘泉快捷照护站',
      width: 10,
      lines: ['丰富为老服', '务内涵完成', '甘泉快捷照', '护站'],
    },
    {
      name: 'a line never starts with full-width closing punctuation (避头)',
      text: '落实托底保障政策\u3002元旦春节',
      width: 16,
      lines: ['落实托底保障政', '策\u3002元旦春节'],
    },
    {
      name: 'a line never starts with a full-width comma',
      text: '全年服务三千余\uFF0C次',
      width: 14,
      lines: ['全年服务三千', '余\uFF0C次'],
    },
    {
      name: 'a number is not split across lines',
      text: '全年服务3620余次',
      width: 11,
      lines: ['全年服务', '3620余次'],
    },
    {
      name: 'a number is not parted from its unit',
      text: '拆除违法建筑154处',
      width: 16,
      lines: ['拆除违法建筑', '154处'],
    },
    {
      name: 'a decimal with its unit stays whole',
      text: '总金额152.34万元',
      width: 10,
      lines: ['总金额', '152.34万元'],
    },
    {
      name: 'a run longer than half the width is split rather than leaving a short line',
      text: 'ab12345678901234567890',
      width: 10,
      lines: ['ab12345678', '9012345678', '90'],
    },
    {
      name: 'newlines start new lines, blank lines kept',
      text: '第一段\n\n第二段',
      width: 20,
      lines: ['第一段', '', '第二段'],
    },
    { name: 'a wide character never straddles the edge', text: 'a甘泉路', width: 4, lines: ['a甘', '泉路'] },
  ])('$name', ({ text, width, lines }) => {
    const wrapped = wrapText(text, width);
    expect(plain(wrapped)).toEqual(lines);
    for (const line of plain(wrapped)) expect(textWidth(line)).toBeLessThanOrEqual(width);
  });

  it('keeps styles on their characters across line breaks', () => {
    const lines = wrapSegments(
      [{ text: '拆除违法建筑' }, { text: '127处', style: { color: 'green' } }, { text: '共计' }],
      14,
    );
    expect(lines).toEqual([
      [{ text: '拆除违法建筑', style: undefined }],
      [
        { text: '127处', style: { color: 'green' } },
        { text: '共计', style: undefined },
      ],
    ]);
  });

  it('finds the row of the inverse segment (cursor or selected figure)', () => {
    const lines = wrapSegments([{ text: '一二三四五六七八' }, { text: '九', style: { inverse: true } }], 6);
    expect(inverseRow(lines)).toBe(2);
    expect(inverseRow(wrapText('无', 6))).toBe(-1);
  });
});

describe('truncateText', () => {
  it.each([
    ['注重保障民生,公共服务能级提升', 12, '注重保障民…'],
    ['注重保障民生', 12, '注重保障民生'],
    ['(一)注重保障', 9, '(一)注重…'],
    ['abcdef', 4, 'abc…'],
  ])('%s in %i cells → %s', (text, width, out) => {
    expect(truncateText(text, width)).toBe(out);
    expect(textWidth(truncateText(text, width))).toBeLessThanOrEqual(width);
  });
});
