import { describe, expect, it } from 'vitest';
import { isClosingHeading, matchMarker, ordinalValue } from '../../server/report/headings.ts';

describe('matchMarker', () => {
  it.each([
    ['(一)注重保障民生', 'cn-paren', 1, '(一)'],
    ['\uFF08六\uFF09转变政府职能', 'cn-paren', 6, '\uFF08六\uFF09'],
    ['(十二)其他工作', 'cn-paren', 12, '(十二)'],
    ['一、聚焦民生保障', 'cn', 1, '一、'],
    ['三.夯实基层基础', 'cn', 3, '三.'],
    ['十一、其他', 'cn', 11, '十一、'],
    ['1.经济发展稳中有进', 'arabic', 1, '1.'],
    ['2、城乡建设', 'arabic', 2, '2、'],
    ['3\uFF0E社会事业', 'arabic', 3, '3\uFF0E'],
    ['4)社会事业', 'arabic', 4, '4)'],
    ['(1)养老服务', 'arabic-paren', 1, '(1)'],
    ['第一部分 兜牢民生保障底线', 'section', 1, '第一部分'],
    ['第二章 社会治理', 'section', 2, '第二章'],
    ['第3部分:其他', 'section', 3, '第3部分'],
  ])('%s', (line, family, number, marker) => {
    expect(matchMarker(line)).toMatchObject({ family, number, marker });
  });

  it.each([
    '一是加强领导',
    '1.2万人次参与',
    '2016年工作总结',
    '十分重视',
    '(一',
    '第一次会议',
    '丰富为老服务内涵。',
  ])('no marker: %s', (line) => {
    expect(matchMarker(line)).toBeNull();
  });

  it('gives the offset of the heading text after marker and spaces', () => {
    const line = '第一部分  兜牢民生保障底线';
    const match = matchMarker(line);
    expect(line.slice(match?.bodyOffset)).toBe('兜牢民生保障底线');
  });
});

describe('ordinalValue', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['九十九', 99],
    ['12', 12],
  ])('%s → %d', (written, value) => {
    expect(ordinalValue(written)).toBe(value);
  });

  it.each(['', '二三', '百', 'x'])('%j is not an ordinal', (written) => {
    expect(ordinalValue(written)).toBeNaN();
  });
});

describe('isClosingHeading', () => {
  it.each([
    ['存在的问题', true],
    ['存在的主要问题', true],
    ['问题与不足', true],
    ['下一步工作打算', true],
    ['2017年工作打算', true],
    ['二〇一七年工作思路', true],
    ['明年工作安排', true],
    ['今后工作', true],
    ['注重保障民生,公共服务能级提升', false],
    ['解决群众反映的问题', false],
    ['2016年工作回顾', false],
  ])('%s → %s', (title, closing) => {
    expect(isClosingHeading(title)).toBe(closing);
  });
});
