import { describe, expect, it } from 'vitest';
import { goldClaims, goldNonFigures, seedText } from '../../evals/figures-gold.ts';
import { extractClaims } from '../../server/figures/claims/claims.ts';

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

describe('extractClaims on the seed report', () => {
  const text = seedText();
  const claims = extractClaims(text);

  it('finds every gold figure with its value', () => {
    for (const g of goldClaims(text)) {
      const hit = claims.find((c) => overlap(c, g));
      expect(hit, g.surface).toBeDefined();
      expect(hit!.value, g.surface).toBeCloseTo(g.value, 6);
      expect(hit!.unit === g.unit || (g.unit === '年' && hit!.unit === '年')).toBe(true);
    }
  });

  it('reports no number that is not a figure', () => {
    for (const n of goldNonFigures(text)) {
      for (const span of n.spans)
        expect(
          claims.find((c) => overlap(c, span)),
          n.surface,
        ).toBeUndefined();
    }
  });

  it('gives exact spans: text is the substring at start..end', () => {
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.sentenceStart).toBeLessThanOrEqual(c.start);
      expect(c.sentenceEnd).toBeGreaterThanOrEqual(c.end);
    }
  });
});

/** [sentence, [figure text, value, unit, kind, qualifier, subject]…] */
const sentences: [string, [string, number, string, string, string, string][]][] = [
  [
    '全年共计拆除违法建筑154处,9058平方米,经区拆违办认定,完成库内销项任务量4280平方米,完成率达142.7%,名列全区第一。',
    [
      ['154处', 154, '处', 'count', '', '拆除违法建筑'],
      ['9058平方米', 9058, '平方米', 'area', '', '拆除违法建筑'],
      ['4280平方米', 4280, '平方米', 'area', '', '完成库内销项任务量'],
      ['达142.7%', 142.7, '%', 'percent', '达', '完成率'],
      ['全区第一', 1, '名', 'rank', '', '完成率'],
    ],
  ],
  [
    '元旦、春节帮困救助惠及4720人次,总金额139.76万元。',
    [
      ['4720人次', 4720, '人次', 'count', '', '元旦、春节帮困救助惠及'],
      ['139.76万元', 1397600, '元', 'amount', '', '总金额'],
    ],
  ],
  ['中心试运行以来,接待居民约8.5万余人次。', [['约8.5万余人次', 85000, '人次', 'count', '约余', '接待居民']]],
  ['建立信访工作新秩序,全年信访量同比下降34%。', [['下降34%', -34, '%', 'yoy', '', '信访量']]],
  [
    '与24家责任部门、1340家社区单位签订安全责任书。',
    [
      ['24家', 24, '家', 'count', '', '责任部门'],
      ['1340家', 1340, '家', 'count', '', '社区单位签订安全责任书'],
    ],
  ],
  [
    '指导申报创建市级文明单位2个、区级文明单位2个,市级文明小区13个、区级文明小区9个。',
    [
      ['2个', 2, '个', 'count', '', '指导申报创建市级文明单位'],
      ['2个', 2, '个', 'count', '', '区级文明单位'],
      ['13个', 13, '个', 'count', '', '市级文明小区'],
      ['9个', 9, '个', 'count', '', '区级文明小区'],
    ],
  ],
  [
    '街道领导班子成员全年共接待群众来访107次、210批次。',
    [
      ['107次', 107, '次', 'count', '', '街道领导班子成员全年共接待群众来访'],
      ['210批次', 210, '批次', 'count', '', '街道领导班子成员全年共接待群众来访'],
    ],
  ],
  ['作为上海市十家街道之一,入围评选。', [['十家', 10, '家', 'count', '', '作为上海市街道之一']]],
  [
    '街道连续七年成功创建上海市平安社区。',
    [['七年', 7, '年', 'duration', '', '街道连续成功创建上海市平安社区']],
  ],
  [
    '为辖区90周岁以上老人发放综合津贴,金额共计512.3万元。',
    [['512.3万元', 5123000, '元', 'amount', '', '金额']],
  ],
  [
    '网格中心全年累计受理18,735件,办结18,102件,办结率96.6%。',
    [
      ['18,735件', 18735, '件', 'count', '', '网格中心全年累计受理'],
      ['18,102件', 18102, '件', 'count', '', '办结'],
      ['96.6%', 96.6, '%', 'percent', '', '办结率'],
    ],
  ],
  [
    '受益群众超过5000人,其中60岁以上老人3千余人。',
    [
      ['超过5000人', 5000, '人', 'count', '超过', '受益群众'],
      ['3千余人', 3000, '人', 'count', '余', '60岁以上老人'],
    ],
  ],
  [
    '新增就业岗位比上年增加120个,就业率提高2个百分点。',
    [
      ['增加120个', 120, '个', 'delta', '', '新增就业岗位'],
      ['提高2个百分点', 2, '个百分点', 'pp', '', '就业率'],
    ],
  ],
  [
    '全年举办培训十二场次,培训居民二千四百余人次,占辖区居民的三分之二。',
    [
      ['十二场次', 12, '场次', 'count', '', '举办培训'],
      ['二千四百余人次', 2400, '人次', 'count', '余', '培训居民'],
      ['三分之二', 66.6666666667, '%', 'percent', '', '占辖区居民'],
    ],
  ],
  [
    '群众满意度达九成以上,百分之三十四的居民参与。',
    [
      ['达九成以上', 90, '%', 'percent', '达以上', '群众满意度'],
      ['百分之三十四', 34, '%', 'percent', '', '居民参与'],
    ],
  ],
  [
    '完成１５４处改造,投入资金１，０３２．６万元。',
    [
      ['１５４处', 154, '处', 'count', '', '完成改造'],
      ['１，０３２．６万元', 10326000, '元', 'amount', '', '投入资金'],
    ],
  ],
  [
    '每场活动参与15-20人,共15至20场。',
    [
      ['15-20人', 17.5, '人', 'count', '', '每场活动参与'],
      ['15至20场', 17.5, '场', 'count', '', '每场活动参与'],
    ],
  ],
];

describe('extractClaims on real sentences', () => {
  it.each(sentences)('%s', (sentence, expected) => {
    const claims = extractClaims(sentence);
    expect(claims.map((c) => c.text)).toEqual(expected.map((e) => e[0]));
    claims.forEach((c, i) => {
      const [text, value, unit, kind, qualifier, subject] = expected[i];
      expect(c.text).toBe(text);
      expect(sentence.slice(c.start, c.end)).toBe(text);
      expect(c.value).toBeCloseTo(value, 6);
      expect(c.unit).toBe(unit);
      expect(c.kind).toBe(kind);
      expect(c.qualifier).toBe(qualifier);
      expect(c.subject).toBe(subject);
    });
  });

  it('lets one figure serve two subjects (均为)', () => {
    const [claim] = extractClaims('做好双拥工作,退伍士兵安置率和自谋职业率均为100%;');
    expect(claim.text).toBe('100%');
    expect(claim.subjects).toEqual(['退伍士兵安置率', '自谋职业率']);
  });

  it('gives each listed subject its own figure (分别为)', () => {
    const claims = extractClaims('安置率和就业率分别为100%和98%。');
    expect(claims.map((c) => [c.text, c.subject])).toEqual([
      ['100%', '安置率'],
      ['98%', '就业率'],
    ]);
  });
});

describe('extractClaims leaves numbers that are not figures alone', () => {
  const notFigures = [
    '2016年通过市达标评估验收',
    '街道荣获2011-2015年“全国计划生育协会乡级先进单位”称号',
    '完成延长西路220弄、新村路50弄改造',
    '完成交通路2285弄视频监控系统',
    '完成新村路36号改造',
    '完成第五批居民选房',
    '顺利完成区第十六届人大代表换届选举工作',
    '深化落实市委“1+6”文件精神',
    '开通12345热线',
    '获评4A级青年中心',
    '创建四星级“侨之家”',
    '谋划十四五规划',
    '十四五期间',
    '开展“两学一做”学习教育',
    '班子成员切实履行“一岗双责”',
    '深入贯彻中央八项规定精神',
    '压减“三公”经费',
    '“五违四必”[1]整治圆满完成',
    '认真总结“三好管理法”',
    '主要开展了以下六方面工作:',
    '主要抓了三个方面的工作',
    '分两个阶段推进',
    '一是机构运行需要进一步加强。二是能力需要提升。',
    '完成二次供水设施改造',
    '1月至3月开展整治,3月15日完成验收',
    '近三年来工作成效明显',
    '实现辖区“零燃放”目标',
    '为90周岁以上老人发放津贴',
    '指导建立普陀区第一个责任区自律组织',
    '入围2016年“全国100家最美志愿服务社区”评选',
    '过去的一年,街道办事处在区委领导下',
    '进一步扩大社情民意获取渠道',
    '建成二〇一六年度示范点',
    '提供24小时服务',
    '千家万户受益,百姓满意',
  ];
  it.each(notFigures)('%s', (sentence) => {
    expect(extractClaims(sentence).map((c) => c.text)).toEqual([]);
  });
});

describe('extractClaims on unusual input', () => {
  it('returns nothing for an empty text or a text without figures', () => {
    expect(extractClaims('')).toEqual([]);
    expect(extractClaims('丰富为老服务内涵。完善多元帮扶工作。\n\n')).toEqual([]);
  });

  // Pure CPU work: the timeout is only a last guard for a machine busy with other jobs.
  it('reads a 10 MB text without failing', { timeout: 240_000 }, () => {
    const seed = seedText();
    const copies = Math.ceil((10 * 1024 * 1024) / (seed.length * 3));
    const text = seed.repeat(copies);
    const claims = extractClaims(text);
    expect(claims.length).toBe(50 * copies);
    const last = claims[claims.length - 1];
    expect(text.slice(last.start, last.end)).toBe(last.text);
  });

  it('keeps spans right in text with CRLF line ends and no sentence marks', () => {
    const text = '拆除违法建筑154处\r\n接受捐赠15.4万元';
    const claims = extractClaims(text);
    expect(claims.map((c) => text.slice(c.start, c.end))).toEqual(['154处', '15.4万元']);
  });
});
