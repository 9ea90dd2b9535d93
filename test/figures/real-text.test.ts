/** Figures as real reports write them: Traditional characters, signs, less common units, non-figures. */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/figures/claims/claims.ts';
import { foldTraditional } from '../../server/text/index.ts';

/** The claims of a text as [text, value, unit, kind]. */
function read(text: string): [string, number, string, string][] {
  return extractClaims(text).map((c) => [c.text, c.value, c.unit, c.kind]);
}

describe('Traditional characters read as well as Simplified', () => {
  it.each([
    ['完成造林3250畝。', '3250畝', 3250 * (10000 / 15), '平方米'],
    ['惠及困難群眾128戶。', '128戶', 128, '户'],
    ['建成服務站點14個。', '14個', 14, '个'],
    ['投入資金60餘萬元。', '60餘萬元', 600000, '元'],
    ['爭取資金1.2億元。', '1.2億元', 1.2e8, '元'],
    ['實施項目12項。', '12項', 12, '项'],
    ['改造用房8間。', '8間', 8, '间'],
    ['新建道路3條。', '3條', 3, '条'],
    ['舉辦活動25場。', '25場', 25, '场'],
    ['救助流浪犬40隻。', '40隻', 40, '只'],
    ['清運垃圾1200噸。', '1200噸', 1200, '吨'],
    ['捐贈貳拾參萬元。', '貳拾參萬元', 230000, '元'],
    ['捐贈陸佰元。', '陸佰元', 600, '元'],
  ])('%s → %s', (text, surface, value, unit) => {
    const claim = extractClaims(text).find((c) => c.text === surface);
    expect(claim?.value).toBeCloseTo(value, 3);
    expect(claim?.unit).toBe(unit);
    expect(text.slice(claim?.start, claim?.end)).toBe(surface);
  });

  it('keeps the length of the text, so every span is a span of the original', () => {
    const text = '參加培訓的學員共3場,參與人數貳拾參人。';
    const folded = foldTraditional(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toBe('参加培训的学员共3场,参与人数贰拾叁人。');
  });

  it('leaves a Simplified text untouched', () => {
    const text = '全年共计拆除违法建筑154处,9058平方米。';
    expect(foldTraditional(text)).toBe(text);
  });
});

describe('signed values keep their sign', () => {
  it.each([
    [
      '规上工业产值、固定资产投资同比分别-3.5%、-12.8%。',
      [
        ['-3.5%', -3.5, '%', 'yoy'],
        ['-12.8%', -12.8, '%', 'yoy'],
      ],
    ],
    ['工业产值负增长3.5%。', [['负增长3.5%', -3.5, '%', 'yoy']]],
    ['税收收入增速-2.1%。', [['增速-2.1%', -2.1, '%', 'yoy']]],
    ['参保人数比上年-120人。', [['-120人', -120, '人', 'delta']]],
    ['服务对象15-20人。', [['15-20人', 17.5, '人', 'count']]],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });
});

describe('units of real reports', () => {
  it.each([
    ['新增绿地2.3公顷。', '2.3公顷', 23000, '平方米'],
    ['修建道路5.6公里。', '5.6公里', 5600, '米'],
    ['完成河道整治3.2千米。', '3.2千米', 3200, '米'],
    ['治理面积1.5平方公里。', '1.5平方公里', 1.5e6, '平方米'],
    ['疏浚河道800米。', '800米', 800, '米'],
    ['流转土地1200亩。', '1200亩', 1200 * (10000 / 15), '平方米'],
    ['促成婚恋45对。', '45对', 45, '对'],
    ['组建志愿服务队3组。', '3组', 3, '组'],
    ['清运垃圾1200吨。', '1200吨', 1200, '吨'],
    ['更新公交车辆20辆。', '20辆', 20, '辆'],
    ['打捞船只3艘。', '3艘', 3, '艘'],
    ['建成公厕6座。', '6座', 6, '座'],
    ['改造住宅楼12栋。', '12栋', 12, '栋'],
    ['加固危房4幢。', '4幢', 4, '幢'],
    ['筹集保障房300套。', '300套', 300, '套'],
    ['改造教室8间。', '8间', 8, '间'],
    ['发放宣传单5000张。', '5000张', 5000, '张'],
    ['编印手册2000册。', '2000册', 2000, '册'],
    ['刊发稿件86篇。', '86篇', 86, '篇'],
    ['举办培训12期。', '12期', 12, '期'],
    ['分3批完成验收。', '3批', 3, '批'],
    ['开展督查4轮。', '4轮', 4, '轮'],
    ['开设兴趣班5班。', '5班', 5, '班'],
    ['送教上门120课时。', '120课时', 120, '课时'],
    ['组织培训48学时。', '48学时', 48, '学时'],
    ['志愿服务3600小时。', '3600小时', 3600, '小时'],
    ['全年空气优良天数达300天。', '达300天', 300, '天'],
    ['安装充电桩40台。', '40台', 40, '台'],
    ['安装路灯200盏。', '200盏', 200, '盏'],
    ['种植乔木1500棵。', '1500棵', 1500, '棵'],
    ['补植灌木3000株。', '3000株', 3000, '株'],
    ['节约8.5万吨标准煤。', '8.5万吨标准煤', 85000, '吨标准煤'],
    ['新增装机容量120万千瓦。', '120万千瓦', 1.2e6, '千瓦'],
    ['光伏装机25兆瓦。', '25兆瓦', 25000, '千瓦'],
    ['年发电量3.6万千瓦时。', '3.6万千瓦时', 36000, '千瓦时'],
    ['清运淤泥3.2万立方米。', '3.2万立方米', 32000, '立方米'],
    ['发放贷款120笔。', '120笔', 120, '笔'],
    ['PM2.5平均浓度37.1微克/立方米。', '37.1微克/立方米', 37.1, '微克/立方米'],
    ['提供统防统治服务2.3万亩次。', '2.3万亩次', 23000, '亩次'],
    ['出栏生猪1200头。', '1200头', 1200, '头'],
  ])('%s', (text, surface, value, unit) => {
    const claim = extractClaims(text).find((c) => c.text === surface);
    expect(claim?.value).toBeCloseTo(value, 3);
    expect(claim?.unit).toBe(unit);
  });

  it('reads 节约, 签约, 附近 and 下达 as words, not as 约/近/达 before a number', () => {
    expect(read('节约8.5万吨标准煤,签约12个项目,附近3个小区,下达指标5项。').map(([t]) => t)).toEqual([
      '8.5万吨标准煤',
      '12个',
      '3个',
      '5项',
    ]);
  });
});

describe('spaces a web page puts around numbers', () => {
  it('reads the figure across one space, qualifiers, 余 and 万 included', () => {
    const text = '细化 8 个业务科室,覆盖 3000 余人次,累计阅读量超 5 万人次,满意度达 96%。';
    expect(read(text)).toEqual([
      ['8 个', 8, '个', 'count'],
      ['3000 余人次', 3000, '人次', 'count'],
      ['超 5 万人次', 50000, '人次', 'count'],
      ['达 96%', 96, '%', 'percent'],
    ]);
  });

  it('keeps a spaced year a year and two spaces apart two words', () => {
    expect(read('2025 年,金融街街道开展工作。编号 12  个人信息')).toEqual([]);
  });
});

describe('non-figures', () => {
  it('reads a bound before the number and 的 as a definition, the counts after it as figures', () => {
    expect(read('其中超过100万元的村6个、超过200万元的村2个。').map(([t]) => t)).toEqual(['6个', '2个']);
    expect(read('完成投资超过100万元。').map(([t]) => t)).toEqual(['超过100万元']);
  });

  it.each([
    ['congress and plenum ordinals', '深入学习贯彻党的二十大和二十届三中全会精神。'],
    ['a district plenum', '认真落实十二届区委五次全会部署。'],
    ['a session of a people’s congress', '区人大二届五次会议审议通过。'],
    ['a named subsidy', '落实三项补贴政策。'],
    ['a slogan', '推行五议两公开,坚持三会一课,开展两学一做和四史学习教育。'],
    ['named platforms and projects', '建成五个平台,实施四大工程,梳理两张清单。'],
    ['a hotline', '拨打12345热线,110报警。'],
    ['a bus route', '开通3路公交。'],
    ['document numbers', '根据沪府发〔2023〕12号和〔2023〕5号文件,(2023)12号通知。'],
    ['plenums listed under one term', '以党的十八大、十八届三中、四中、五中全会精神为指引。'],
    ['sessions listed under one term', '深入贯彻市委十二届六次、七次、八次全会精神。'],
    ['a people’s congress named in full', '已经镇二十届人民代表大会第八次会议审议通过。'],
    ['a range of article numbers', '按照《条例》第9条至12条规定的范围。'],
    ['the parts of a report', '政府信息公开工作存在的不足及改进措施共5部分内容。'],
    ['a census named by its ordinal', '成立七人普工作领导小组,开展四经普清查。'],
    ['a kind of vehicle', '整治无牌无证三轮车、面包车。'],
    ['slogans after the verbs that take them', '聚焦打造三个高地,践行四项使命任务,坚持两个毫不动摇。'],
    ['an ordinal with a web page’s space', '依据《条例》第 五十 条规定。'],
  ])('%s: %s', (_what, text) => {
    expect(read(text)).toEqual([]);
  });

  it.each([
    ['meetings held are counted', '全年召开五次会议。', '五次'],
    ['terms served are counted', '连续三届获评文明单位。', '三届'],
    ['a lone 壹 is a figure', '收到捐赠电脑壹台。', '壹台'],
    ['Arabic programme counts are figures', '开展3项行动。', '3项'],
    ['a change of average age is a figure', '居委会成员平均年龄下降3.2岁。', '下降3.2岁'],
    ['sessions of a body that are counted', '全年召开党委会议十二次。', '十二次'],
    ['a Chinese count after a verb that takes no slogan', '完成三个小区改造。', '三个'],
  ])('%s: %s', (_what, text, surface) => {
    expect(read(text).map(([t]) => t)).toContain(surface);
  });
});
