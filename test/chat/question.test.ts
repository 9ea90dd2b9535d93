import { describe, expect, it } from 'vitest';
import { isElliptical, orgAliases, topicOf, understand } from '../../server/chat/question.ts';

const context = { latestYear: 2017, orgs: ['甘泉路街道'] };

describe('understand', () => {
  it.each([
    [
      '2016年拆除了多少违法建筑?',
      { years: [2016], topic: '拆除违法建筑', numeric: true, aspect: 'level', compare: false },
    ],
    ['有多少户家庭提出申请?', { years: [], topic: '家庭提出申请', numeric: true, unit: '户' }],
    ['年度征兵有几名青年入伍?', { topic: '年度征兵青年入伍', numeric: true, unit: '名' }],
    ['二〇一六年接受社会公益捐赠多少钱?', { years: [2016], topic: '接受社会公益捐赠', unit: '元' }],
    ['独居老人有哪些关爱措施?', { topic: '独居老人关爱措施', numeric: false, asksWhen: false }],
    ['哪一年开始建社区微型消防站?', { topic: '开始建社区微型消防站', numeric: false, asksWhen: true }],
    [
      '2017年比2016年拆除违法建筑少了多少?',
      { years: [2016, 2017], topic: '拆除违法建筑', compare: true, aspect: 'change' },
    ],
    ['2017年拆除违法建筑增长了百分之几?', { years: [2016, 2017], topic: '拆除违法建筑', compare: true }],
    ['2016年入室盗窃立案同比变化?', { years: [2015, 2016], compare: true, numeric: true }],
    [
      '近三年拆违完成率全区排名第几?',
      { years: [2015, 2016, 2017], topic: '拆违完成率全区排名', aspect: 'rank' },
    ],
    ['网格中心结案率是多少?', { topic: '网格中心结案率', numeric: true, unit: null }],
    ['“五违四必”具体指什么?', { topic: '五违四必', asksDefinition: true, numeric: false }],
    ['那2015年呢?', { years: [2015], topic: '' }],
    ['共有产权房选房多少户?', { topic: '共有产权房选房', unit: '户' }],
  ])('%s', (question, expected) => {
    expect(understand(question, context)).toMatchObject(expected);
  });

  it.each([
    ['甘泉路街道参与同心家园自治项目评选的居民区有几家?', '甘泉路街道', false],
    ['甘泉2016年帮困救助金额?', '甘泉路街道', false],
    ['长征镇2016年拆除了多少违法建筑?', '长征镇', true],
    ['那宜川路街道呢?', '宜川路街道', true],
    ['全区各街镇的拆违排名如何?', null, false],
    ['城镇登记失业人数是多少?', null, false],
  ])('reads the office of %s', (question, org, unknown) => {
    const u = understand(question, context);
    expect(u.org).toBe(org);
    expect(u.orgUnknown).toBe(unknown);
  });

  it('does not call an office unknown when the corpus names none', () => {
    expect(understand('长征镇拆了多少?', { latestYear: 2017, orgs: [] }).orgUnknown).toBe(false);
  });

  it('takes year and office from the filters when the question names none', () => {
    const u = understand('拆除了多少违法建筑?', {
      ...context,
      filters: { year: 2017, org: '甘泉路街道', part: 2 },
    });
    expect(u).toMatchObject({
      years: [2017],
      yearsFrom: 'filter',
      org: '甘泉路街道',
      orgUnknown: false,
      part: 2,
    });
    expect(understand('2016年拆除了多少违法建筑?', { ...context, filters: { year: 2017 } }).years).toEqual([
      2016,
    ]);
  });

  it('keeps the question as asked and the note on relative years', () => {
    const u = understand(' 去年帮困救助金额是多少? ', context);
    expect(u.asked).toBe(' 去年帮困救助金额是多少? ');
    expect(u.question).toBe('去年帮困救助金额是多少?');
    expect(u.yearNote).toContain('推算为2016年');
  });
});

describe('topicOf', () => {
  it.each([
    ['共有产权保障住房', '共有产权保障住房'],
    ['参与同心家园自治项目评选的居民区', '参与同心家园自治项目评选的居民区'],
    ['开展了哪些公益项目?', '开展公益项目'],
  ])('keeps the words that name things: %s', (question, topic) => {
    expect(topicOf(question, [])).toBe(topic);
  });
});

describe('isElliptical', () => {
  it.each([
    ['那2015年呢?', true],
    ['面积呢?', true],
    ['那为老服务还建了哪些项目?', false],
    ['2016年拆除了多少违法建筑?', false],
  ])('%s → %s', (question, elliptical) => {
    expect(isElliptical(understand(question, context))).toBe(elliptical);
  });
});

describe('orgAliases', () => {
  it('gives the short names people use', () => {
    expect(orgAliases('甘泉路街道')).toEqual(['甘泉路街道', '甘泉路', '甘泉']);
    expect(orgAliases('长征镇')).toEqual(['长征镇', '长征']);
  });

  it('includes the short name of an office stored under its full name', () => {
    expect(orgAliases('上海市杨浦区人民政府殷行街道办事处')).toContain('殷行街道');
    expect(orgAliases('重庆市巴南区木洞镇人民政府')).toEqual(expect.arrayContaining(['木洞镇', '木洞']));
  });
});

describe('offices named short or full in a question', () => {
  it.each([
    [
      '殷行街道2016年拆除了多少违法建筑?',
      ['上海市杨浦区人民政府殷行街道办事处'],
      '上海市杨浦区人民政府殷行街道办事处',
    ],
    ['上海市杨浦区人民政府殷行街道办事处2016年拆了多少?', ['殷行街道'], '殷行街道'],
    ['五角场街道办事处2016年救助了多少人次?', ['五角场街道'], '五角场街道'],
    ['上党区统计局2020年地区生产总值多少?', ['长治市上党区统计局'], '长治市上党区统计局'],
  ])('%s → %s', (question, orgs, org) => {
    const u = understand(question, { latestYear: 2017, orgs });
    expect(u.org).toBe(org);
    expect(u.orgUnknown).toBe(false);
  });
});
