import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../server/report/file.ts';
import { extractMarkdown } from '../../server/report/markdown.ts';
import { parseReportText } from '../../server/report/parse.ts';
import { renderMarkdown, renderText } from '../../server/report/render.ts';
import { renderDocx } from '../../server/report/render-docx.ts';
import { fixture, seedText, structure } from './structure.ts';

const reports = [
  ['seed', seedText],
  ...[
    'headings-cn.txt',
    'headings-arabic.txt',
    'headings-section.txt',
    'four-parts.txt',
    'no-headings.txt',
  ].map((name) => [name, fixture(name).toString('utf8')]),
];

describe('renderText', () => {
  it('writes the seed in its own layout: title, indented paragraphs, footnotes last', () => {
    const text = renderText(parseReportText(seedText));
    expect(text.startsWith('甘泉路街道2016年工作总结\n\n  过去的一年,')).toBe(true);
    expect(text).toContain('\n\n  (一)注重保障民生,公共服务能级提升\n\n  丰富为老服务内涵。');
    expect(text).toMatch(/三是.*推进。\n\n\n {2}\[1\]“五违”指/);
    expect(text).not.toContain('验证码');
  });

  it.each(reports)('round-trips %s: parse(renderText(parse(x))) keeps the structure', (_, source) => {
    const first = parseReportText(source);
    expect(structure(parseReportText(renderText(first)))).toEqual(structure(first));
  });
});

describe('renderMarkdown', () => {
  it('writes # title and ## part headings', () => {
    const markdown = renderMarkdown(parseReportText(seedText));
    expect(markdown.startsWith('# 甘泉路街道2016年工作总结\n\n')).toBe(true);
    expect(markdown).toContain('\n\n## (一)注重保障民生,公共服务能级提升\n\n丰富为老服务内涵。');
    expect(markdown).toContain('\n\n[2]综治工作宣传月');
  });

  it.each(reports)('round-trips %s through Markdown', (_, source) => {
    const first = parseReportText(source);
    const { text, headings } = extractMarkdown(renderMarkdown(first));
    expect(structure(parseReportText(text, {}, headings))).toEqual(structure(first));
  });

  it('escapes line starts that Markdown would read as syntax', () => {
    const report = parseReportText('标题\n\n  # 不是标题的段落。\n\n  - 也不是列表。');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('\\# 不是标题的段落。');
    const { text } = extractMarkdown(markdown);
    expect(text).toContain('# 不是标题的段落。');
    expect(text).toContain('- 也不是列表。');
  });
});

describe('renderDocx', () => {
  it('writes a .docx that reads back with the same structure', async () => {
    const first = parseReportText(fixture('headings-cn.txt').toString('utf8'));
    const bytes = await renderDocx(first);
    expect(bytes[0]).toBe(0x50);
    const back = await parseReportFile(bytes, { fileName: 'out.docx' });
    expect(structure(back)).toEqual(structure(first));
  });
});
