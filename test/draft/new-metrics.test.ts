import { describe, expect, it } from 'vitest';
import { metricSentence, placeMetrics } from '../../server/draft/new-metrics.ts';
import { checkText, formatValue } from '../../server/figures/index.ts';
import { row } from './corpus.ts';

describe('sentences for metrics new to the report', () => {
  it.each([
    [row(2017, '新增社区食堂数', 2, '个'), '全年新增社区食堂2个。'],
    [row(2017, '老年助餐服务人次', 42600, '人次'), '全年老年助餐服务4.26万人次。'],
    [row(2017, '独居老人结对关爱人数', 612, '人'), '全年独居老人结对关爱612人。'],
    [row(2017, '接受社会公益捐赠金额', 178000, '元'), '全年接受社会公益捐赠17.8万元。'],
    [row(2017, '垃圾分类知晓率', 95, '%'), '垃圾分类知晓率为95%。'],
    [row(2017, '信访量同比变化', -12, '%'), '信访量同比下降12%。'],
  ])('%o → %s', (record, want) => {
    expect(metricSentence(record)).toBe(want);
    expect(checkText(want, [record], { year: 2017 }).summary).toMatchObject({
      supported: 1,
      contradicted: 0,
    });
  });

  it('writes large counts in 万 only when exact to two decimals', () => {
    expect(formatValue(42600, '人次')).toBe('4.26万人次');
    expect(formatValue(20416, '件')).toBe('20416件');
    expect(formatValue(1523400, '元')).toBe('152.34万元');
  });

  it('places a metric by the rarer words it shares with a paragraph', () => {
    const targets = [
      {
        partId: 'part-1',
        paragraphId: 'p2',
        text: '丰富为老服务内涵。组建“独居老人结对关爱联盟”,提供老年助餐等服务。',
      },
      { partId: 'part-2', paragraphId: 'p5', text: '社区人居环境得以改善。完成小区广场改造。' },
      { partId: 'part-5', paragraphId: 'p14', text: '精神文明建设取得新进展。申报创建文明小区。' },
    ];
    const [lonely, meals, none] = placeMetrics(
      [
        row(2017, '独居老人结对关爱人数', 612, '人'),
        row(2017, '老年助餐服务人次', 42600, '人次'),
        row(2017, '无人机巡查架次', 30, '架次'),
      ],
      targets,
    );
    expect(lonely).toMatchObject({ partId: 'part-1', paragraphId: 'p2' });
    expect(meals).toMatchObject({ partId: 'part-1', paragraphId: 'p2' });
    expect(none).toEqual({ partId: null, paragraphId: null, score: 0 });
  });
});
