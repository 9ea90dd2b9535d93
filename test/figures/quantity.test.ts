import { describe, expect, it } from 'vitest';
import { parseQuantity, scanQuantity } from '../../server/figures/quantity.ts';

/** [surface, value, unit, kind, qualifier] — the reading of one written quantity. */
type Case = [string, number, string, string, string];

const arabic: Case[] = [
  ['154处', 154, '处', 'count', ''],
  ['9058平方米', 9058, '平方米', 'area', ''],
  ['4720人次', 4720, '人次', 'count', ''],
  ['139.76万元', 1397600, '元', 'amount', ''],
  ['15.4万元', 154000, '元', 'amount', ''],
  ['52.8万平方米', 528000, '平方米', 'area', ''],
  ['18735件', 18735, '件', 'count', ''],
  ['18,735件', 18735, '件', 'count', ''],
  ['1,032.6万元', 10326000, '元', 'amount', ''],
  ['1,234,567元', 1234567, '元', 'amount', ''],
  ['0.5万元', 5000, '元', 'amount', ''],
  ['1.2万人', 12000, '人', 'count', ''],
  ['3千人', 3000, '人', 'count', ''],
  ['2百户', 200, '户', 'count', ''],
  ['1.5亿元', 150000000, '元', 'amount', ''],
  ['2.35亿元', 235000000, '元', 'amount', ''],
  ['12亿元', 1200000000, '元', 'amount', ''],
  ['3千万元', 30000000, '元', 'amount', ''],
  ['5百万元', 5000000, '元', 'amount', ''],
  ['300万元', 3000000, '元', 'amount', ''],
  ['1.2万平方米', 12000, '平方米', 'area', ''],
  ['3.6公顷', 36000, '平方米', 'area', ''],
  ['15亩', 10000, '平方米', 'area', ''],
  ['2.5平方公里', 2500000, '平方米', 'area', ''],
  ['800平米', 800, '平方米', 'area', ''],
  ['12公里', 12000, '米', 'length', ''],
  ['3.5千米', 3500, '米', 'length', ''],
  ['3千米', 3000, '米', 'length', ''],
  ['560米', 560, '米', 'length', ''],
  ['1200延米', 1200, '米', 'length', ''],
  ['25吨', 25, '吨', 'weight', ''],
  ['1.3万吨', 13000, '吨', 'weight', ''],
  ['500公斤', 0.5, '吨', 'weight', ''],
  ['8名', 8, '名', 'count', ''],
  ['38家', 38, '家', 'count', ''],
  ['1481扇', 1481, '扇', 'count', ''],
  ['1684具', 1684, '具', 'count', ''],
  ['210批次', 210, '批次', 'count', ''],
  ['12场次', 12, '场次', 'count', ''],
  ['6处', 6, '处', 'count', ''],
  ['3条', 3, '条', 'count', ''],
  ['5块', 5, '块', 'count', ''],
  ['24家', 24, '家', 'count', ''],
  ['70件', 70, '件', 'count', ''],
  ['96台', 96, '台', 'count', ''],
  ['120张', 120, '张', 'count', ''],
  ['35场', 35, '场', 'count', ''],
  ['107次', 107, '次', 'count', ''],
  ['2589户', 2589, '户', 'count', ''],
  ['12所', 12, '所', 'count', ''],
  ['46个', 46, '个', 'count', ''],
  ['3套', 3, '套', 'count', ''],
  ['15辆', 15, '辆', 'count', ''],
  ['8项', 8, '项', 'count', ''],
  ['2.3万人次', 23000, '人次', 'count', ''],
  ['4.26万人次', 42600, '人次', 'count', ''],
  ['3年', 3, '年', 'duration', ''],
  ['6个月', 0.5, '年', 'duration', ''],
  ['90周岁', 90, '岁', 'duration', ''],
  ['1200小时', 1200, '小时', 'count', ''],
  ['45天', 45, '天', 'count', ''],
  ['20家庭', 20, '家庭', 'count', ''],
];

const fullWidth: Case[] = [
  ['１５４处', 154, '处', 'count', ''],
  ['９８％', 98, '%', 'percent', ''],
  ['１３９．７６万元', 1397600, '元', 'amount', ''],
  ['３４００余次', 3400, '次', 'count', '余'],
  ['２０１７年', 2017, '年', 'duration', ''],
];

const chinese: Case[] = [
  ['八名', 8, '名', 'count', ''],
  ['十二场次', 12, '场次', 'count', ''],
  ['二千四百余场', 2400, '场', 'count', '余'],
  ['两个', 2, '个', 'count', ''],
  ['一百五十四处', 154, '处', 'count', ''],
  ['十家', 10, '家', 'count', ''],
  ['七年', 7, '年', 'duration', ''],
  ['十五人', 15, '人', 'count', ''],
  ['二十人', 20, '人', 'count', ''],
  ['二十一个', 21, '个', 'count', ''],
  ['一百零五户', 105, '户', 'count', ''],
  ['一百一十人', 110, '人', 'count', ''],
  ['一千零五件', 1005, '件', 'count', ''],
  ['两千人', 2000, '人', 'count', ''],
  ['三万五千人', 35000, '人', 'count', ''],
  ['十万元', 100000, '元', 'amount', ''],
  ['十二万元', 120000, '元', 'amount', ''],
  ['一亿二千万元', 120000000, '元', 'amount', ''],
  ['三点五万元', 35000, '元', 'amount', ''],
  ['三万五人', 35000, '人', 'count', ''],
  ['一千二百人', 1200, '人', 'count', ''],
  ['九十九人', 99, '人', 'count', ''],
  ['三个', 3, '个', 'count', ''],
  ['五家', 5, '家', 'count', ''],
  ['六处', 6, '处', 'count', ''],
  ['四所', 4, '所', 'count', ''],
  ['九项', 9, '项', 'count', ''],
  ['十余人', 10, '人', 'count', '余'],
  ['二十多人', 20, '人', 'count', '多'],
  ['一百多户', 100, '户', 'count', '多'],
  ['两千余人次', 2000, '人次', 'count', '余'],
  ['壹佰元', 100, '元', 'amount', ''],
  ['叁仟伍佰元', 3500, '元', 'amount', ''],
  ['〇个', 0, '个', 'count', ''],
  ['零个', 0, '个', 'count', ''],
];

const percents: Case[] = [
  ['34%', 34, '%', 'percent', ''],
  ['96.6%', 96.6, '%', 'percent', ''],
  ['100%', 100, '%', 'percent', ''],
  ['142.7%', 142.7, '%', 'percent', ''],
  ['0.5%', 0.5, '%', 'percent', ''],
  ['8.7%', 8.7, '%', 'percent', ''],
  ['百分之三十四', 34, '%', 'percent', ''],
  ['百分之百', 100, '%', 'percent', ''],
  ['百分之五', 5, '%', 'percent', ''],
  ['百分之三十四点五', 34.5, '%', 'percent', ''],
  ['百分之12', 12, '%', 'percent', ''],
  ['三分之二', 66.6666666667, '%', 'percent', ''],
  ['三分之一', 33.3333333333, '%', 'percent', ''],
  ['四分之三', 75, '%', 'percent', ''],
  ['五分之一', 20, '%', 'percent', ''],
  ['八成', 80, '%', 'percent', ''],
  ['九成', 90, '%', 'percent', ''],
  ['三成', 30, '%', 'percent', ''],
  ['九成以上', 90, '%', 'percent', '以上'],
  ['0.5个百分点', 0.5, '个百分点', 'pp', ''],
  ['2个百分点', 2, '个百分点', 'pp', ''],
  ['1.2个百分点', 1.2, '个百分点', 'pp', ''],
  ['3百分点', 3, '个百分点', 'pp', ''],
  ['1.5倍', 1.5, '倍', 'percent', ''],
  ['两倍', 2, '倍', 'percent', ''],
  ['98％', 98, '%', 'percent', ''],
];

const qualified: Case[] = [
  ['3400余次', 3400, '次', 'count', '余'],
  ['800余人次', 800, '人次', 'count', '余'],
  ['8.5万余人次', 85000, '人次', 'count', '余'],
  ['约8.5万余人次', 85000, '人次', 'count', '约余'],
  ['约3000人', 3000, '人', 'count', '约'],
  ['大约200户', 200, '户', 'count', '大约'],
  ['3000人左右', 3000, '人', 'count', '左右'],
  ['近3000人', 3000, '人', 'count', '近'],
  ['将近500户', 500, '户', 'count', '将近'],
  ['接近90%', 90, '%', 'percent', '接近'],
  ['超过5000人', 5000, '人', 'count', '超过'],
  ['逾5000人', 5000, '人', 'count', '逾'],
  ['超5000人', 5000, '人', 'count', '超'],
  ['5000人以上', 5000, '人', 'count', '以上'],
  ['5000人及以上', 5000, '人', 'count', '及以上'],
  ['高于95%', 95, '%', 'percent', '高于'],
  ['多于20场', 20, '场', 'count', '多于'],
  ['不少于30场', 30, '场', 'count', '不少于'],
  ['至少10个', 10, '个', 'count', '至少'],
  ['不到3%', 3, '%', 'percent', '不到'],
  ['不足100人', 100, '人', 'count', '不足'],
  ['少于5起', 5, '起', 'count', '少于'],
  ['低于2%', 2, '%', 'percent', '低于'],
  ['5%以内', 5, '%', 'percent', '以内'],
  ['5%以下', 5, '%', 'percent', '以下'],
  ['不超过10人', 10, '人', 'count', '不超过'],
  ['最多30人', 30, '人', 'count', '最多'],
  ['达142.7%', 142.7, '%', 'percent', '达'],
  ['达到100%', 100, '%', 'percent', '达到'],
  ['高达98%', 98, '%', 'percent', '高达'],
  ['多达3000人', 3000, '人', 'count', '多达'],
  ['3000人之多', 3000, '人', 'count', '之多'],
  ['1万余人', 10000, '人', 'count', '余'],
  ['1.2万余户', 12000, '户', 'count', '余'],
  ['20多人', 20, '人', 'count', '多'],
  ['约1.5亿元', 150000000, '元', 'amount', '约'],
];

const ranges: Case[] = [
  ['15-20人', 17.5, '人', 'count', ''],
  ['15至20人', 17.5, '人', 'count', ''],
  ['15~20人', 17.5, '人', 'count', ''],
  ['15—20人', 17.5, '人', 'count', ''],
  ['十五至二十人', 17.5, '人', 'count', ''],
  ['3-5万元', 40000, '元', 'amount', ''],
  ['3万-5万元', 40000, '元', 'amount', ''],
  ['10%-15%', 12.5, '%', 'percent', ''],
  ['2到3个', 2.5, '个', 'count', ''],
];

const changes: Case[] = [
  ['下降34%', -34, '%', 'yoy', ''],
  ['同比下降34%', -34, '%', 'yoy', ''],
  ['同比下降30%', -30, '%', 'yoy', ''],
  ['同比增长12%', 12, '%', 'yoy', ''],
  ['同比增长12.5%', 12.5, '%', 'yoy', ''],
  ['同比减少8%', -8, '%', 'yoy', ''],
  ['同比提高3%', 3, '%', 'yoy', ''],
  ['环比上升2%', 2, '%', 'yoy', ''],
  ['增长了15%', 15, '%', 'yoy', ''],
  ['下降了5.2%', -5.2, '%', 'yoy', ''],
  ['增幅12%', 12, '%', 'yoy', ''],
  ['增幅为12%', 12, '%', 'yoy', ''],
  ['增幅达12%', 12, '%', 'yoy', '达'],
  ['降幅为8%', -8, '%', 'yoy', ''],
  ['降幅达8.3%', -8.3, '%', 'yoy', '达'],
  ['同比下降约10%', -10, '%', 'yoy', '约'],
  ['增长1.5倍', 150, '%', 'yoy', ''],
  ['比上年增加120人', 120, '人', 'delta', ''],
  ['比上年减少3起', -3, '起', 'delta', ''],
  ['较上年增加2个', 2, '个', 'delta', ''],
  ['比去年同期增加5.6万元', 56000, '元', 'delta', ''],
  ['增加120人', 120, '人', 'delta', ''],
  ['减少3起', -3, '起', 'delta', ''],
  ['提高2个百分点', 2, '个百分点', 'pp', ''],
  ['提高了2个百分点', 2, '个百分点', 'pp', ''],
  ['下降0.5个百分点', -0.5, '个百分点', 'pp', ''],
  ['同比降低1.2个百分点', -1.2, '个百分点', 'pp', ''],
  ['比上年提高3.5个百分点', 3.5, '个百分点', 'pp', ''],
];

const allCases: [string, Case[]][] = [
  ['Arabic numbers, multipliers and units', arabic],
  ['full-width digits', fullWidth],
  ['Chinese numerals', chinese],
  ['percent forms', percents],
  ['qualifiers', qualified],
  ['ranges', ranges],
  ['direction words', changes],
];

describe('parseQuantity', () => {
  it('has at least 150 table cases', () => {
    expect(allCases.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(150);
  });

  for (const [title, cases] of allCases) {
    describe(title, () => {
      it.each(cases)('%s → %d %s (%s, qualifier "%s")', (surface, value, unit, kind, qualifier) => {
        const q = parseQuantity(surface);
        expect(q).not.toBeNull();
        expect(q!.value).toBeCloseTo(value, 6);
        expect(q!.unit).toBe(unit);
        expect(q!.kind).toBe(kind);
        expect(q!.qualifier).toBe(qualifier);
        expect(q!.low).toBeLessThanOrEqual(q!.high);
      });
    });
  }

  it('returns null for text that is not exactly one quantity', () => {
    for (const s of ['', '街道', '十四五', '百姓', '第五批', '90周岁以上老人', '拆除154处']) {
      expect(parseQuantity(s)).toBeNull();
    }
  });
});

/** [surface, value inside, value outside] — written precision and qualifiers bound the true value. */
const bounds: [string, number[], number[]][] = [
  ['15.4万元', [154000, 153960, 153500, 154499], [153400, 154600]],
  ['139.76万元', [1397600, 1397551, 1397649], [1397400, 1397800]],
  ['154处', [154], [153, 155]],
  ['3400余次', [3400, 3461, 3499], [3300, 3399, 3500]],
  ['800余人次', [800, 850], [799, 900]],
  ['约8.5万余人次', [85000, 85900], [84000, 86000]],
  ['二千四百余场', [2400, 2480], [2399, 2500]],
  ['十余人', [10, 19], [9, 20]],
  ['超过5000人', [5001, 5320, 1e6], [5000, 4800]],
  ['5000人以上', [5000, 5320], [4900]],
  ['不到3%', [2.9, 0], [3, 3.1]],
  ['5%以内', [5, 4.2], [5.6]],
  ['约3000人', [2860, 3140], [2800, 3200]],
  ['近3000人', [2950, 2800], [3010, 2600]],
  ['96.6%', [96.55, 96.62, 96.65], [96.5, 96.7]],
  ['100%', [100, 99.6], [99.4]],
  ['同比下降34%', [-34, -34.4, -33.6], [-35, -33, 34]],
  ['比上年增加120人', [120], [-120, 119, 121]],
  ['15-20人', [15, 17, 20], [14, 21]],
  ['三分之二', [66.7, 66.67], [70, 60]],
  ['八成', [80, 78], [70, 90]],
  ['3千人', [3000, 3400], [2400, 3600]],
];

describe('parseQuantity bounds', () => {
  it.each(bounds)('%s holds %j and not %j', (surface, inside, outside) => {
    const q = parseQuantity(surface)!;
    for (const v of inside) expect(v >= q.low - 1e-9 && v <= q.high + 1e-9, `${v} inside`).toBe(true);
    for (const v of outside) expect(v >= q.low && v <= q.high, `${v} outside`).toBe(false);
  });
});

describe('scanQuantity', () => {
  it('reads a quantity in running text with its exact span', () => {
    const text = '建立信访工作新秩序,全年信访量同比下降34%。';
    const at = text.indexOf('34');
    const q = scanQuantity(text, at)!;
    expect(text.slice(q.start, q.end)).toBe('下降34%');
    expect(text.slice(q.baselineStart, q.start)).toBe('同比');
    expect(q.value).toBe(-34);
    expect(q.kind).toBe('yoy');
  });

  it('marks a bound inside a definition as a threshold', () => {
    const text = '为90周岁以上老人发放津贴';
    expect(scanQuantity(text, 1)!.threshold).toBe(true);
    expect(scanQuantity('服务5000人以上。', 2)!.threshold).toBe(false);
  });

  it('does not read 新增 as a change', () => {
    const q = scanQuantity('新增就业岗位新增加120个', 10)!;
    expect(q.kind).toBe('count');
    expect(q.direction).toBe(0);
  });

  it('keeps 增长到 a level, not a change', () => {
    expect(scanQuantity('覆盖率提高到96%', 7)!.kind).toBe('percent');
  });

  it('returns null where no number starts', () => {
    expect(scanQuantity('街道办事处', 0)).toBeNull();
  });
});
