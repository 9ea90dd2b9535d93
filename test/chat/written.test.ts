import { describe, expect, it } from 'vitest';
import { changeForm, naturalForm, percentChange } from '../../server/chat/written.ts';
import { formatValue } from '../../server/figures/index.ts';

describe('naturalForm', () => {
  it.each([
    ['拆除违法建筑处数', 154, '处', '154处'],
    ['元旦春节帮困救助总金额', 1523400, '元', '152.34万元'],
    ['二次供水改造面积', 615000, '平方米', '61.5万平方米'],
    ['文化活动中心接待居民人次', 96000, '人次', '9.6万人次'],
    ['网格中心受理案件数', 20416, '件', '20416件'],
    ['拆违完成率全区排名', 2, '名', '第2名'],
    ['信访量同比变化', -12, '%', '下降12%'],
    ['网格案件结案率', 99.6, '%', '99.6%'],
  ])('%s %d%s → %s', (metric, value, unit, written) => {
    expect(naturalForm({ metric, value, unit })).toBe(written);
  });
});

describe('changeForm and percentChange', () => {
  it.each([
    [-27, '处', '减少27处'],
    [1681, '件', '增加1681件'],
    [125800, '元', '增加12.58万元'],
    [-0.4, '个百分点', '降低0.4个百分点'],
    [0, '处', '持平'],
  ])('%d %s → %s', (delta, unit, written) => {
    expect(changeForm(delta, unit)).toBe(written);
  });

  it.each([
    [-17.532, '下降17.5%'],
    [8.97, '增长9.0%'],
  ])('%d%% → %s', (percent, written) => {
    expect(percentChange(percent)).toBe(written);
  });

  it('writes computation operands plainly', () => {
    expect(formatValue(-27, '处')).toBe('-27处');
    expect(formatValue(1397600, '元')).toBe('139.76万元');
  });
});
