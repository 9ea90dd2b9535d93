import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../server/report/markdown.ts';
import { parseReportText } from '../../server/report/parse.ts';
import { renderMarkdown, renderText } from '../../server/report/render.ts';
import { isSectionLine, sectionKind } from '../../server/report/sections.ts';
import { allParagraphs, fixture, spanProblems, structure } from './structure.ts';

describe('sectionKind', () => {
  it.each([
    ['2023年工作回顾', 'review'],
    ['2022年工作成效', 'review'],
    ['主要工作情况', 'review'],
    ['存在的问题', 'problems'],
    ['存在的不足和下一步打算', 'problems'],
    ['困难和问题', 'problems'],
    ['2024年工作思路', 'plan'],
    ['2021年工作计划', 'plan'],
    ['下一步工作打算', 'plan'],
    ['2023年重点工作安排', 'plan'],
    ['推进智慧城管建设,创新城市管理方式', 'review'],
  ])('%s → %s', (title, kind) => {
    expect(sectionKind(title)).toBe(kind);
  });
});

describe('isSectionLine (an unmarked line that opens a section)', () => {
  it.each(['2021年工作回顾', '2020年工作回顾', '工作回顾', '存在的问题', '2017年工作打算', '下一步工作计划'])(
    'section line: %s',
    (line) => {
      expect(isSectionLine(line)).toBe(true);
    },
  );
  it.each(['丰富为老服务内涵。', '主要开展了以下六方面工作:', '2016年', '(一)民生保障', '工作'])(
    'not a section line: %s',
    (line) => {
      expect(isSectionLine(line)).toBe(false);
    },
  );
});

describe('a report with review, problems and plan sections (一、二、三、 with (一) parts)', () => {
  const report = parseReportText(fixture('sections.txt').toString('utf8'));

  it('keeps the outer headings as sections with their kinds', () => {
    expect(report.sections.map((s) => [s.marker, s.title, s.kind])).toEqual([
      ['一、', '2023年工作回顾', 'review'],
      ['二、', '存在的问题', 'problems'],
      ['三、', '2024年工作思路', 'plan'],
    ]);
  });

  it('reads the review parts and the plan items as parts of their kind, never as closing paragraphs', () => {
    expect(report.parts.map((p) => [p.marker, p.title, p.kind, p.section])).toEqual([
      ['(一)', '聚焦民生保障,服务水平持续提升', 'review', 1],
      ['(二)', '聚焦城市治理,人居环境明显改善', 'review', 1],
      ['', '', 'plan', 3],
      ['(一)', '持续办好民生实事', 'plan', 3],
      ['(二)', '深化城市精细化管理', 'plan', 3],
    ]);
    expect(report.sections.map((s) => s.parts)).toEqual([[1, 2], [], [3, 4, 5]]);
    expect(report.parts[2].paragraphs.map((p) => p.text)).toEqual([
      '2024年,街道将围绕“宜居桃源”目标,重点抓好以下工作。',
    ]);
  });

  it('has the problems section as its closing, and the review section opening as its preamble', () => {
    expect(report.closing.map((p) => p.text)).toEqual([
      '二、存在的问题',
      '一是民生服务供给与群众需求还有差距;二是城市管理精细化水平有待提高。',
    ]);
    expect(report.preamble.map((p) => p.topic)).toEqual([null]);
    expect(report.preamble[0].text).toMatch(/^2023年,桃源街道/);
  });

  it('reads the report year and the plan year from the two-year title', () => {
    expect([report.org, report.year, report.planYear]).toEqual(['桃源街道', 2023, 2024]);
  });

  it('numbers paragraphs in reading order, the closing before the plan', () => {
    expect(spanProblems(report)).toEqual([]);
    const texts = allParagraphs(report).map((p) => p.text.slice(0, 6));
    expect(texts.indexOf('二、存在的问')).toBeLessThan(texts.indexOf('新建长者食堂'));
  });

  it('renders in reading order and reads back the same, as text and as Markdown', () => {
    const text = renderText(report);
    expect(text.indexOf('二、存在的问题')).toBeLessThan(text.indexOf('三、2024年工作思路'));
    expect(structure(parseReportText(text))).toEqual(structure(report));
    const { text: md, headings } = extractMarkdown(renderMarkdown(report));
    expect(renderMarkdown(report)).toContain('## 一、2023年工作回顾\n\n2023年,桃源街道');
    expect(renderMarkdown(report)).toContain('### (一)聚焦民生保障');
    expect(structure(parseReportText(md, {}, headings))).toEqual(structure(report));
  });
});

describe('outer sections in other shapes', () => {
  it('reads an unmarked review line as a section over 一、 parts', () => {
    const report = parseReportText(
      [
        '2021年民政工作总结和2022年工作计划',
        '2021年工作回顾',
        '2021年,全市民政系统各项工作取得新进展。',
        '一、民政领域党建全面加强',
        '(一)党建引领作用显著增强。走访民政对象480户。',
        '二、社会救助水平稳步提升',
        '发放救助金1547万元。',
        '2022年工作计划',
        '一、持续兜牢民生底线',
        '完善社会救助体系。',
      ].join('\n\n'),
    );
    expect(report.sections.map((s) => [s.title, s.kind, s.parts])).toEqual([
      ['2021年工作回顾', 'review', [1, 2]],
      ['2022年工作计划', 'plan', [3]],
    ]);
    expect(report.parts.map((p) => `${p.marker}${p.title}:${p.kind}`)).toEqual([
      '一、民政领域党建全面加强:review',
      '二、社会救助水平稳步提升:review',
      '一、持续兜牢民生底线:plan',
    ]);
    expect(report.closing).toEqual([]);
  });

  it('keeps review parts before an unmarked plan line and its items apart from the closing', () => {
    const report = parseReportText(
      [
        '某街道2016年工作总结',
        '主要开展了以下两方面工作:',
        '(一)保障民生',
        '丰富为老服务内涵。全年服务3400余次。',
        '(二)城市管理',
        '深化违法建筑整治。拆除违法建筑154处。过去一年取得的成绩是各方共同努力的结果,但也存在一些不足。',
        '2017年工作打算',
        '(一)办好民生实事',
        '新建长者照护之家1家。',
      ].join('\n\n'),
    );
    expect(report.parts.map((p) => [p.title, p.kind, p.section])).toEqual([
      ['保障民生', 'review', null],
      ['城市管理', 'review', null],
      ['办好民生实事', 'plan', 1],
    ]);
    expect(report.sections.map((s) => [s.title, s.kind])).toEqual([['2017年工作打算', 'plan']]);
    expect(report.planYear).toBe(2017);
  });

  it('does not make sections of theme headings with sub-headings (一、推进… 1.…)', () => {
    const report = parseReportText(
      [
        '常州市城市管理局2019年工作总结',
        '一年来,城市管理各项工作有效、有序开展。',
        '一、推进智慧城管建设,创新城市管理方式',
        '1.推进智慧城管建设。筹建城市综合管理服务平台。',
        '2.推进政产学研用工作。开展课题研究。',
        '二、加强市容管理,提升城市品质',
        '1.整治户外广告。拆除违规广告120块。',
      ].join('\n\n'),
    );
    expect(report.sections).toEqual([]);
    expect(report.parts.map((p) => p.marker)).toEqual(['一、', '二、']);
  });
});

describe('renderDocx with sections', () => {
  it('writes sections in Heading 1 and their parts in Heading 2, and reads back the same', async () => {
    const { renderDocx } = await import('../../server/report/render-docx.ts');
    const { parseReportFile } = await import('../../server/report/file.ts');
    const report = parseReportText(fixture('sections.txt').toString('utf8'));
    const docx = await renderDocx(report);
    const back = await parseReportFile(docx, { fileName: 'sections.docx' });
    expect(structure(back)).toEqual(structure(report));
  });
});

describe('theme headings that name a year are still parts', () => {
  it('reads 一、2016年民生工作 / 二、2016年城市管理 as parts, not sections', () => {
    const report = parseReportText(
      [
        '某街道2016年工作总结',
        '一年来,街道各项工作取得新成效。',
        '一、2016年民生工作',
        '新建长者照护之家1家。',
        '二、2016年城市管理',
        '拆除违法建筑154处。',
      ].join('\n\n'),
    );
    expect(report.sections).toEqual([]);
    expect(report.parts.map((p) => p.title)).toEqual(['2016年民生工作', '2016年城市管理']);
  });
});
