import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../server/report/parse.ts';
import { allParagraphs, fixture, seedPartTitles, seedText, spanProblems } from './structure.ts';

const junkWords = ['验证码', '全部评论'];

describe('parseReportText on the seed report', () => {
  const report = parseReportText(seedText, { fileName: '甘泉路街道2016年工作总结.txt' });

  it('reads title, office and year from the title line', () => {
    expect(report.title).toBe('甘泉路街道2016年工作总结');
    expect(report.org).toBe('甘泉路街道');
    expect(report.year).toBe(2016);
    expect(seedText.slice(report.titleSpan.start, report.titleSpan.end)).toBe(report.title);
  });

  it('finds the preamble and the sentence that announces the parts', () => {
    expect(report.preamble).toHaveLength(1);
    expect(report.preamble[0].text).toMatch(/^过去的一年,街道办事处.*加快推进宜居幸福甘泉建设。$/);
    expect(report.partsIntro?.text).toBe('主要开展了以下六方面工作:');
  });

  it('yields exactly six parts (一)…(六) with their titles', () => {
    expect(report.parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
    expect(report.parts.map((p) => p.title)).toEqual(seedPartTitles);
    expect(report.parts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const part of report.parts) {
      expect(seedText.slice(part.headingSpan.start, part.headingSpan.end)).toBe(
        `${part.marker}${part.title}`,
      );
    }
  });

  it('has 18 topic-sentence paragraphs, three per part', () => {
    expect(report.parts.map((p) => p.paragraphs.length)).toEqual([3, 3, 3, 3, 3, 3]);
    const topics = report.parts.flatMap((p) => p.paragraphs.map((q) => q.topic));
    expect(topics.every((t) => t !== null)).toBe(true);
    expect(topics.slice(0, 3)).toEqual(['丰富为老服务内涵。', '落实托底保障政策。', '提高民生服务水平。']);
    expect(topics[4]).toBe('“五违四必”[1]整治圆满完成。');
    expect(topics.slice(15)).toEqual(['作风转变实效凸显。', '廉政建设力度增强。', '行政运行更加透明。']);
  });

  it('marks only the paragraph the source cuts off as truncated', () => {
    const truncated = allParagraphs(report).filter((p) => p.truncated);
    expect(truncated.map((p) => p.topic)).toEqual(['廉政建设力度增强。']);
    expect(truncated[0].text.endsWith('做到层层抓')).toBe(true);
  });

  it('puts the shortcomings paragraph in the closing section', () => {
    expect(report.closing).toHaveLength(1);
    expect(report.closing[0].text).toMatch(
      /^过去一年取得的成绩是.*一是.*二是.*三是.*机关自身建设需要进一步推进。$/,
    );
  });

  it('links footnote [1] to part 2 and [2] to part 3', () => {
    expect(report.footnotes.map((f) => f.mark)).toEqual([1, 2]);
    expect(report.footnotes[0].text).toMatch(/^“五违”指违法用地/);
    expect(report.footnotes[1].text).toMatch(/^综治工作宣传月/);
    const [one, two] = report.footnotes;
    expect(one.refs).toHaveLength(1);
    expect(two.refs).toHaveLength(1);
    const partOf = (offset: number) =>
      report.parts.find((p) => p.paragraphs.some((q) => q.span.start <= offset && offset < q.span.end))
        ?.number;
    expect(partOf(one.refs[0].start)).toBe(2);
    expect(partOf(two.refs[0].start)).toBe(3);
    expect(report.parts[1].paragraphs[1].footnoteMarks).toEqual([1]);
    expect(report.parts[2].paragraphs[1].footnoteMarks).toEqual([2]);
  });

  it('keeps web junk out of every paragraph, footnote and the title', () => {
    const texts = [
      report.title,
      ...allParagraphs(report).map((p) => p.text),
      ...report.footnotes.map((f) => f.text),
    ];
    for (const word of junkWords) expect(texts.filter((t) => t.includes(word))).toEqual([]);
    expect(report.text).toContain('验证码');
  });

  it('keeps every span pointing into the text, with paragraphs numbered in reading order', () => {
    expect(spanProblems(report)).toEqual([]);
    expect(allParagraphs(report)).toHaveLength(1 + 1 + 18 + 1);
  });

  it('uses the sha256 of the normalised text as id', () => {
    expect(report.id).toMatch(/^[0-9a-f]{64}$/);
    expect(parseReportText(seedText.replace(/\n/g, '\r\n')).id).toBe(report.id);
    expect(parseReportText(`${seedText}补充。`).id).not.toBe(report.id);
  });
});

interface HeadingCase {
  file: string;
  title: string;
  org: string | null;
  year: number | null;
  markers: string[];
  titles: string[];
  paragraphs: number[];
  preamble: number;
  intro: boolean;
  closing: number;
}

const headingCases: HeadingCase[] = [
  {
    file: 'headings-cn.txt',
    title: '长风新村街道2017年工作总结',
    org: '长风新村街道',
    year: 2017,
    markers: ['一、', '二、', '三、'],
    titles: ['聚焦民生保障,提升服务水平', '加强城市管理,改善人居环境', '夯实基层基础,推进社会治理'],
    paragraphs: [2, 2, 2],
    preamble: 1,
    intro: false,
    closing: 4,
  },
  {
    file: 'headings-arabic.txt',
    title: '真如镇2015年工作总结',
    org: '真如镇',
    year: 2015,
    markers: ['1.', '2.', '3.'],
    titles: ['经济发展稳中有进', '城乡建设加快推进', '社会事业全面发展'],
    paragraphs: [2, 1, 1],
    preamble: 1,
    intro: false,
    closing: 1,
  },
  {
    file: 'headings-section.txt',
    title: '普陀区民政局2018年工作总结',
    org: '普陀区民政局',
    year: 2018,
    markers: ['第一部分', '第二部分'],
    titles: ['兜牢民生保障底线', '创新基层社会治理'],
    paragraphs: [2, 2],
    preamble: 1,
    intro: false,
    closing: 2,
  },
  {
    file: 'four-parts.txt',
    title: '宜川路街道2016年工作总结',
    org: '宜川路街道',
    year: 2016,
    markers: ['(一)', '(二)', '(三)', '(四)'],
    titles: [
      '保障改善民生,提升群众获得感',
      '强化综合治理,城市面貌持续改善',
      '深化平安建设,社会大局和谐稳定',
      '加强自身建设,转变机关工作作风',
    ],
    paragraphs: [2, 1, 1, 1],
    preamble: 1,
    intro: false,
    closing: 1,
  },
  {
    file: 'no-headings.txt',
    title: '曹杨新村街道2016年工作总结',
    org: '曹杨新村街道',
    year: 2016,
    markers: [''],
    titles: [''],
    paragraphs: [3],
    preamble: 1,
    intro: false,
    closing: 1,
  },
  {
    file: 'rare-chars.txt',
    title: '石泉路街道2016年工作总结',
    org: '石泉路街道',
    year: 2016,
    markers: ['(一)', '(二)'],
    titles: ['保障民生', '城市管理'],
    paragraphs: [1, 1],
    preamble: 1,
    intro: false,
    closing: 0,
  },
];

describe('parseReportText on other heading styles and part counts', () => {
  it.each(headingCases)('$file', (c) => {
    const report = parseReportText(fixture(c.file).toString('utf8'), { fileName: c.file });
    expect(report.title).toBe(c.title);
    expect(report.org).toBe(c.org);
    expect(report.year).toBe(c.year);
    expect(report.parts.map((p) => p.marker)).toEqual(c.markers);
    expect(report.parts.map((p) => p.title)).toEqual(c.titles);
    expect(report.parts.map((p) => p.paragraphs.length)).toEqual(c.paragraphs);
    expect(report.preamble).toHaveLength(c.preamble);
    expect(report.partsIntro !== null).toBe(c.intro);
    expect(report.closing).toHaveLength(c.closing);
    expect(spanProblems(report)).toEqual([]);
  });

  it('closes on 存在的问题 and 2018年工作打算 headings, keeping them as closing paragraphs', () => {
    const report = parseReportText(fixture('headings-cn.txt').toString('utf8'));
    expect(report.closing.map((p) => p.topic)).toEqual([null, null, null, null]);
    expect(report.closing[0].text).toBe('四、存在的问题');
    expect(report.closing[2].text).toBe('五、2018年工作打算');
  });

  it('reads full-width brackets and colons as well as ASCII ones', () => {
    const text = [
      '某镇2019年工作总结',
      '  主要做了以下两方面工作\uFF1A',
      '  \uFF08一\uFF09抓经济发展',
      '  优化营商环境。新引进企业12家。',
      '  \uFF08二\uFF09抓社会治理',
      '  深化平安建设。刑事案件下降8%。',
    ].join('\n\n');
    const report = parseReportText(text);
    expect(report.parts.map((p) => [p.marker, p.title])).toEqual([
      ['\uFF08一\uFF09', '抓经济发展'],
      ['\uFF08二\uFF09', '抓社会治理'],
    ]);
    expect(report.partsIntro?.text).toBe('主要做了以下两方面工作\uFF1A');
    expect(report.org).toBe('某镇');
  });

  it('splits a run-in heading (一、加强领导。各单位…) into the heading and its paragraph', () => {
    const text = [
      '某区教育局2016年工作总结',
      '一、加强组织领导。成立工作领导小组,召开专题会议6次。',
      '二、完善制度建设。修订管理制度12项,形成长效机制。',
    ].join('\n');
    const report = parseReportText(text);
    expect(report.parts.map((p) => p.title)).toEqual(['加强组织领导', '完善制度建设']);
    expect(report.parts.map((p) => p.paragraphs.map((q) => q.text))).toEqual([
      ['成立工作领导小组,召开专题会议6次。'],
      ['修订管理制度12项,形成长效机制。'],
    ]);
    expect(report.org).toBe('某区教育局');
    expect(spanProblems(report)).toEqual([]);
  });

  it('takes (一) as the parts under a single outer 一、 heading and skips the outer one', () => {
    const text = [
      '某街道2016年工作总结',
      '一、2016年工作回顾',
      '(一)民生保障',
      '丰富为老服务内涵。全年服务3400余次。',
      '(二)城市管理',
      '深化违法建筑整治。拆除违法建筑154处。',
      '二、存在的问题',
      '一是短板仍然存在;二是机制有待完善。',
    ].join('\n\n');
    const report = parseReportText(text);
    expect(report.parts.map((p) => p.title)).toEqual(['民生保障', '城市管理']);
    expect(allParagraphs(report).map((p) => p.text)).not.toContain('一、2016年工作回顾');
    expect(report.closing.map((p) => p.text)).toEqual([
      '二、存在的问题',
      '一是短板仍然存在;二是机制有待完善。',
    ]);
  });

  it('joins hard-wrapped lines into one paragraph and keeps single-line paragraphs apart', () => {
    const text = [
      '某镇2016年工作总结',
      '',
      '  丰富为老服务内涵。完成甘泉快捷照护站,宏利敬老院消防改造,新长、新沪宜居适老型',
      '小区和社区“智慧养老”平台建设项目。',
      '  落实托底保障政策。元旦、春节帮困救助惠及4720人次。',
    ].join('\n');
    const report = parseReportText(text);
    const paragraphs = allParagraphs(report);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0].text).toContain('宜居适老型\n小区');
    expect(spanProblems(report)).toEqual([]);
  });

  it('joins a wrapped line that ends like a title but is a sentence (全面完成2016年度…,扎实推进各项工作)', () => {
    const text = [
      '某镇2016年工作总结',
      '',
      '  一年来,全镇上下全面完成2016年度各项目标任务,扎实推进各项工作',
      '取得了明显成效。',
    ].join('\n');
    expect(allParagraphs(parseReportText(text))).toHaveLength(1);
  });

  it('takes the genre line as title when a site name comes first', () => {
    const report = parseReportText(
      '普陀区人民政府\n\n首页 > 政务公开\n\n甘泉路街道2016年工作总结\n\n  过去的一年,工作扎实。',
    );
    expect(report.title).toBe('甘泉路街道2016年工作总结');
    expect(allParagraphs(report).map((p) => p.text)).toEqual(['过去的一年,工作扎实。']);
  });

  it('falls back to the file name for a report without a title line', () => {
    const report = parseReportText('  过去的一年,街道办事处在区委领导下做了大量工作,取得明显成效。', {
      fileName: '甘泉路街道2016年工作总结.txt',
    });
    expect(report.title).toBe('甘泉路街道2016年工作总结');
    expect(report.titleSpan).toEqual({ start: 0, end: 0 });
    expect(report.year).toBe(2016);
    expect(report.org).toBe('甘泉路街道');
  });

  it.each([
    ['', 0],
    ['   \n\n  ', 0],
    ['验证码\n全部评论', 0],
    ['只有一行', 0],
    ['[1]孤立的脚注', 0],
  ])('never throws on odd text: %j', (text, paragraphs) => {
    const report = parseReportText(text);
    expect(allParagraphs(report)).toHaveLength(paragraphs);
    expect(spanProblems(report)).toEqual([]);
  });
});

/** A small deterministic PRNG (mulberry32) so the fuzz cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parser fuzz', () => {
  const pool = [
    ...seedText.split('\n'),
    ...fixture('headings-cn.txt').toString('utf8').split('\n'),
    ...fixture('headings-section.txt').toString('utf8').split('\n'),
    '(七)',
    '一、',
    '1.',
    '第一部分',
    '[3]',
    '[1]',
    '##',
    '# ',
    '(',
    '。',
    '   ',
    '\u3000\u3000',
    '存在的问题',
    '首页 > 新闻',
    '2017年工作打算',
    '一是;二是;三是',
    '\uFF08一\uFF09',
    '\t',
    '\r',
    '\u00a0',
    '\ufeff',
  ];

  it('parses 400 shuffled and mangled documents without throwing, spans intact', () => {
    const next = random(20161231);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    for (let round = 0; round < 400; round++) {
      const lines: string[] = [];
      const count = Math.floor(next() * 40);
      for (let i = 0; i < count; i++) {
        let line = pick(pool);
        if (next() < 0.2) line = line.slice(0, Math.floor(next() * line.length));
        if (next() < 0.1)
          line = String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(next() * 0x9fff)));
        lines.push(line);
      }
      const report = parseReportText(lines.join(next() < 0.5 ? '\n' : '\n\n'));
      const problems = spanProblems(report);
      if (problems.length > 0) throw new Error(`round ${round}: ${problems.join('; ')}\n${lines.join('\n')}`);
    }
  });
});

describe('parseReportText on a page with no title', () => {
  const text = [
    '2022年,面对复杂多变的外部环境,我们坚持稳中求进。',
    '',
    '(一)突出精准施策,全力以赴推动稳进提质。全年财政总收入6.45亿元。',
    '',
    '(二)突出品质提升,多措并举更新街域面貌。坚持区域协调发展。',
  ].join('\n');

  it('takes the year the opening starts with', () => {
    expect(parseReportText(text).year).toBe(2022);
    expect(parseReportText(text.replace('2022年,', '2023年是关键之年,')).year).toBeNull();
  });

  it('reads a run-in heading of two short phrases around one comma', () => {
    expect(parseReportText(text).parts.map((p) => p.marker + p.title)).toEqual([
      '(一)突出精准施策,全力以赴推动稳进提质',
      '(二)突出品质提升,多措并举更新街域面貌',
    ]);
  });

  it('keeps a long first sentence with a comma a paragraph, not a heading', () => {
    const long = '(一)2022年全街道共完成财政收入6.45亿元,同比增长12.5%。其余略。\n(二)另一项工作。其余略。';
    expect(parseReportText(long).parts[0]?.title ?? '').not.toContain('财政收入');
  });
});
