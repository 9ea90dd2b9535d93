import { describe, expect, it } from 'vitest';
import { type YearBoundReason, yearBoundReason, yearBoundSentences } from '../../server/draft/year-bound.ts';
import {
  countYearBound,
  pendingSpans,
  unmarkYearBound,
  yearBoundMark,
  yearBoundSpans,
} from '../../server/marks/index.ts';

// Sentences in the style of other offices' reports (towns, districts, departments, years), not the seed.
const bound: [YearBoundReason, string, number][] = [
  ['role', '2023年是全面贯彻落实党的二十大精神的开局之年', 2023],
  ['role', '今年是“十三五”规划收官之年,也是全面建成小康社会的决胜之年', 2020],
  ['role', '2021年是中国共产党成立100周年', 2021],
  ['role', '这是新一届镇政府履职的第一年', 2018],
  ['role', '2016年是“十三五”規劃的開局之年', 2016],
  ['date', '5月12日,召开镇第一次居民代表大会', 2019],
  ['date', '2019年3月起,在全镇推行“一网通办”', 2019],
  ['date', '十月二十日举行社区运动会', 2015],
  ['edition', '成功举办第三届社区邻里节', 2017],
  ['edition', '顺利完成镇第十七届人大代表换届选举', 2021],
  ['edition', '第二届“最美家庭”评选活动圆满落幕', 2022],
  ['award', '荣获2011-2015年度全国法治县(市、区)创建活动先进单位称号', 2016],
  ['award', '社区卫生服务中心获评国家级示范中心', 2020],
  ['award', '入选第二批全国民主法治示范村名单', 2018],
  ['award', '街道文化站被文化部授予“全国文化先进单位”称号', 2017],
  ['award', '本所榮獲“全國模範司法所”稱號', 2016],
  ['event', '2019年顺利通过国家卫生镇复审', 2019],
  ['event', '2022年成立社区基金会', 2022],
  ['event', '2021年底前建成社区养老服务综合体', 2021],
];

const free: [string, number][] = [
  ['2016年,街道共完成拆除违法建筑154处', 2016],
  ['截至2016年12月底,累计发放补贴1200万元', 2016],
  ['全年共举办各类文体活动120场', 2016],
  ['街道党工委召开专题会议研究部署安全生产工作', 2019],
  ['力争2020年建成全国文明城区', 2016],
  ['完成第五批538户共有产权房居民选房', 2016],
  ['新建的睦邻中心获得居民一致好评', 2018],
  ['1-6月,受理各类诉求3200件', 2021],
  ['深入学习贯彻党的十九届五中全会精神', 2020],
  ['2012年建成的社区文化活动中心全年接待居民9万人次', 2016],
];

describe('sentences bound to last year', () => {
  it.each(bound)('%s: %s', (reason, sentence, year) => {
    expect(yearBoundReason(sentence, year)).toBe(reason);
  });

  it.each(free)('carried as this year’s: %s', (sentence, year) => {
    expect(yearBoundReason(sentence, year)).toBeNull();
  });

  it('gives the sentence bodies of a paragraph, closing punctuation outside', () => {
    const text =
      '强化社区治理。2016年是开局之年。全年拆违154处;5月12日召开居民代表大会。“我们成功举办第三届邻里节。”';
    expect(yearBoundSentences(text, 2016).map((s) => [s.reason, text.slice(s.start, s.end)])).toEqual([
      ['role', '2016年是开局之年'],
      ['date', '5月12日召开居民代表大会'],
      ['edition', '“我们成功举办第三届邻里节。”'],
    ]);
  });

  it('leaves sentences that are already marked', () => {
    const text = `${yearBoundMark('2016年是开局之年')}。2016年通过验收。`;
    const found = yearBoundSentences(text, 2016);
    expect(found.map((s) => text.slice(s.start, s.end))).toEqual(['2016年通过验收']);
  });
});

describe('the year-bound mark', () => {
  it('is one visible mark, apart from the figure marker that may sit inside it', () => {
    const mark = yearBoundMark('入围2016年评选,作为【待核实:上年为十家】街道之一');
    expect(mark).toBe('\u3016上年表述\uFF1A入围2016年评选,作为【待核实:上年为十家】街道之一\u3017');
    const text = `前文。${mark}。后文【待核实:上年为5块】。`;
    expect(yearBoundSpans(text)).toEqual([{ start: 3, end: 3 + mark.length, text: mark }]);
    expect(countYearBound(text)).toBe(1);
    expect(pendingSpans(text).map((s) => s.text)).toEqual(['【待核实:上年为十家】', '【待核实:上年为5块】']);
    expect(pendingSpans(mark).every((p) => !p.text.includes('上年表述'))).toBe(true);
    expect(unmarkYearBound(text)).toBe(
      '前文。入围2016年评选,作为【待核实:上年为十家】街道之一。后文【待核实:上年为5块】。',
    );
  });

  it('is read with either colon, as a writer may type it', () => {
    expect(countYearBound('\u3016上年表述:某事\u3017。')).toBe(1);
    expect(countYearBound('【上年表述:某事】。')).toBe(0);
  });
});
