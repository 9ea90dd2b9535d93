import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../server/report/parse.ts';
import { allParagraphs, spanProblems } from './structure.ts';

const headings = (text: string): string[] => {
  const report = parseReportText(text);
  expect(spanProblems(report)).toEqual([]);
  return [...report.sections, ...report.parts]
    .sort((a, b) => a.headingSpan.start - b.headingSpan.start)
    .map((h) => `${h.marker}${h.title}`)
    .filter(Boolean);
};

describe('headings run into one long line (a page that lost its line breaks)', () => {
  it('cuts the section heading, its opening and a part heading out of one line', () => {
    const text = [
      '东柳街道2023年工作总结和2024年工作思路',
      '一、2023年工作回顾 2023年是全面贯彻党的二十大精神开局之年。全年实现地区生产总值60.3亿元。 (一)坚持“谋发展、促增长”,全力提振经济活力。 紧盯关键指标。完成固定资产投资32.5亿元。',
    ].join('\n');
    expect(headings(text)).toEqual(['一、2023年工作回顾', '(一)坚持“谋发展、促增长”,全力提振经济活力']);
    const report = parseReportText(text);
    expect(report.parts[0].paragraphs.map((p) => p.text)).toEqual([
      '紧盯关键指标。完成固定资产投资32.5亿元。',
    ]);
  });

  it('cuts 一、…六、 written one after another after sentence ends, and an attachment link', () => {
    const text = [
      '2013年度谢塘镇政府信息公开工作年度报告',
      '现将我镇2013年政府信息公开工作报告如下: 一、政府信息主动公开情况 2013年度我镇主动公开政府信息123件。 二、政府信息公开收费和减免情况 本年度我镇没有因政府信息公开而产生的收费。 附件下载:2013年度统计表.doc |',
    ].join('\n');
    expect(headings(text)).toEqual(['一、政府信息主动公开情况', '二、政府信息公开收费和减免情况']);
    const texts = allParagraphs(parseReportText(text)).map((p) => p.text);
    expect(texts.some((t) => t.includes('附件下载'))).toBe(false);
  });

  it('leaves lines alone that only look alike (a decimal, a list inside a sentence, no space)', () => {
    const text = [
      '某镇2016年工作总结',
      '全年完成财政收入1.2亿元。1.5万人次参与活动,一是加强领导;二是完善制度。',
      '(一)加强组织领导',
      '成立工作领导小组,召开专题会议6次。',
    ].join('\n\n');
    expect(headings(text)).toEqual(['(一)加强组织领导']);
  });
});

describe('a watermark glued to the end of lines', () => {
  it('is trimmed off paragraphs and headings, and a cut-off copy off the last line', () => {
    const mark = 's12乡村百科--为乡村振兴助力';
    const text = [
      '(金华市)金东区澧浦镇2020年工作总结和2021年工作计划',
      `一、2020年主要工作${mark}`,
      `全年实现地区生产总值13亿元、减少0.3%,一般公共预算收入增长30%。${mark}`,
      `过去一年,澧浦每个人都很努力。${mark}`,
      '我们强服务、暖民心,回应了群众的期盼和呼声。s12乡村百科-',
    ].join('\n\n');
    expect(headings(text)).toEqual(['一、2020年主要工作']);
    const texts = allParagraphs(parseReportText(text)).map((p) => p.text);
    expect(texts.filter((t) => t.includes('乡村百科'))).toEqual([]);
    expect(texts.at(-1)).toBe('我们强服务、暖民心,回应了群众的期盼和呼声。');
  });

  it('does not take a repeated sentence ending for a watermark when it ends one line only', () => {
    const text = ['某镇2016年工作总结', '完成道路硬化4公里。新建村级活动室3个', '新建公厕2座。'].join('\n\n');
    const texts = allParagraphs(parseReportText(text)).map((p) => p.text);
    expect(texts.join('')).toContain('新建村级活动室3个');
  });
});
