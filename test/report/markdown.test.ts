import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../server/report/markdown.ts';

describe('extractMarkdown', () => {
  it.each([
    ['**丰富**为老服务内涵。', '丰富为老服务内涵。'],
    ['*强调*与_强调_与~~删除~~', '强调与强调与删除'],
    ['依托[社区基金会](https://example.org)运作', '依托社区基金会运作'],
    ['![照片](a.png)图注', '照片图注'],
    ['- 落实托底保障政策。', '落实托底保障政策。'],
    ['* [ ] 待办事项', '待办事项'],
    ['1. 经济发展稳中有进', '1. 经济发展稳中有进'],
    ['> 引用的段落。', '引用的段落。'],
    ['“五违四必”[^1]整治', '“五违四必”[1]整治'],
    ['[^1]: “五违”指违法用地。', '[1] “五违”指违法用地。'],
    ['“五违四必”[1]整治', '“五违四必”[1]整治'],
    ['使用`代码`与<br>标签', '使用代码与标签'],
    ['\\# 不是标题', '# 不是标题'],
    ['| 指标 | 数值 |', ' 指标   数值 '],
  ])('%s → %s', (markdown, text) => {
    expect(extractMarkdown(markdown).text).toBe(text);
  });

  it('keeps headings as lines of their own and reports where they are', () => {
    const { text, headings } = extractMarkdown(
      '# 甘泉路街道2016年工作总结\n\n## 民生保障\n\n正文。\n\n城市管理\n--------\n\n正文二。',
    );
    expect(text).toBe('甘泉路街道2016年工作总结\n\n民生保障\n\n正文。\n\n城市管理\n\n\n正文二。');
    expect(headings.map((h) => [text.slice(h.start, text.indexOf('\n', h.start)), h.level])).toEqual([
      ['甘泉路街道2016年工作总结', 1],
      ['民生保障', 2],
      ['城市管理', 2],
    ]);
  });

  it('drops rules, fences, table dividers and link definitions', () => {
    const { text } = extractMarkdown(
      '正文。\n\n---\n\n```\n代码\n```\n\n|---|---|\n\n[ref]: https://example.org\n',
    );
    expect(text.split('\n').filter((l) => l.trim())).toEqual(['正文。', '代码']);
  });
});
