import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentOf, reportSubject } from '../../server/materials/department.ts';
import { checkMaterial } from '../../server/materials/figures.ts';
import { materialChunks } from '../../server/materials/read.ts';
import { summarise } from '../../server/materials/summary.ts';
import { corpusDir } from '../../server/paths.ts';
import { parseReportFile, parseReportText } from '../../server/report/index.ts';
import { ledgers } from '../draft/corpus.ts';

const meta = { year: 2017, department: '社区服务办公室', addedAt: '2018-01-05T00:00:00.000Z' };
const demo = (name: string) => readFileSync(join(corpusDir, 'materials', '2017', name));

describe('who wrote a material', () => {
  it.each([
    ['社区服务办公室2017年工作总结\n\n一、为老服务\n\n全年服务3620次。', 'x.txt', '社区服务办公室'],
    [
      '2017年社区管理工作小结\n\n社区管理办公室\n\n（一）拆违\n\n全年拆除违法建筑127处。',
      'x.txt',
      '社区管理办公室',
    ],
    ['工作小结\n\n今年完成了很多工作。', '甘泉苑居委会-2017年工作小结.txt', '甘泉苑居委会'],
    ['工作小结\n\n今年完成了很多工作。', '平安办_2017年总结.txt', '平安办'],
    ['工作小结\n\n今年完成了很多工作。', 'notes.txt', '未注明部门'],
  ])('%s (%s) → %s', (text, fileName, department) => {
    expect(departmentOf(parseReportText(text, { fileName }))).toBe(department);
  });

  it('takes the writer’s --from over what the file says', () => {
    expect(departmentOf(parseReportText('社区服务办公室2017年工作总结\n\n正文。'), ' 服务办 ')).toBe(
      '服务办',
    );
  });

  it.each([
    ['甘泉苑居委会', '甘泉苑居民区'],
    ['新长居民区', '新长居民区'],
    ['网格化综合管理中心', '网格化综合管理中心'],
    ['社区服务办公室', null],
    ['社区管理科', null],
  ])('the report names %s as %s', (department, subject) => {
    expect(reportSubject(department)).toBe(subject);
  });
});

describe('a material cut into sentences', () => {
  it('keeps work done as content; the opening, announcements, table cells and the closing are not', async () => {
    const report = await parseReportFile(demo('社区服务办公室2017年工作总结.docx'), {
      fileName: '社区服务办公室2017年工作总结.docx',
    });
    const chunks = materialChunks(report, meta);
    const kinds = (kind: string) => chunks.filter((c) => c.kind === kind).map((c) => c.text);
    expect(kinds('content')).toContain('依托社区基金会项目化运作，深化“社区互助养老服务”，全年服务3620次。');
    expect(kinds('content').every((t) => /[。；]$/.test(t))).toBe(true);
    expect(kinds('announcement')).toEqual(['现将全年工作总结如下：']);
    expect(kinds('label')).toContain('3620');
    expect(kinds('plan').some((t) => t.startsWith('2018年'))).toBe(true);
    const meal = chunks.find((c) => c.text.includes('长者食堂'));
    expect(meal).toMatchObject({
      heading: '为老服务',
      section: 'part',
      department: '社区服务办公室',
      year: 2017,
    });
    expect(report.text.slice(meal?.start, meal?.end)).toBe(meal?.text);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it('puts sentences under a label line that opens prose (◆文体活动)', async () => {
    const report = await parseReportFile(demo('社区文化活动中心2017年工作总结.txt'), { fileName: 'x.txt' });
    const walk = materialChunks(report, meta).find((c) => c.text.includes('健身步道'));
    expect(walk?.heading).toBe('◆体育设施');
  });

  it('reads the GBK file of the demo', async () => {
    const report = await parseReportFile(demo('社区管理办公室-2017年工作小结.txt'), {
      fileName: '社区管理办公室-2017年工作小结.txt',
    });
    expect(report.source.encoding).toBe('gb18030');
    expect(departmentOf(report)).toBe('社区管理办公室');
  });
});

describe('a material’s figures checked against the ledger', () => {
  it('flags a figure the ledger contradicts and lists it', async () => {
    const { both } = await ledgers();
    const text =
      '社区管理办公室2017年工作总结\n\n一、拆违\n\n全年拆除违法建筑130处，7864平方米。完成二次供水改造61.5万平方米。';
    const report = parseReportText(text, { fileName: 'x.txt' });
    const checked = checkMaterial(materialChunks(report, meta), report.text, both, 2017);
    const [summary] = summarise(checked);
    expect(summary.flagged).toBe(true);
    expect(summary.figures).toEqual({ supported: 2, contradicted: 1, unverified: 0 });
    expect(summary.conflicts).toEqual([
      expect.objectContaining({
        figure: '130处',
        ledger: '127处',
        sentence: '全年拆除违法建筑130处，7864平方米。',
      }),
    ]);
    const sentence = checked.find((c) => c.text.startsWith('全年拆除'));
    const figure = sentence?.figures[0];
    expect(sentence?.text.slice(figure?.start, figure?.end)).toBe('130处');
  });
});

describe('list items whose heading is run into their prose', () => {
  const contentOf = (text: string) =>
    materialChunks(parseReportText(text, { fileName: 'x.txt' }), meta)
      .filter((c) => c.kind === 'content')
      .map((c) => [c.heading, c.text]);

  it.each([
    [
      '平安办2017年工作小结\n\n一、综合治理：全年排查化解矛盾纠纷312件，调解成功率98%。\n二、安全生产：开展安全生产检查860家次。\n',
      [
        ['综合治理', '全年排查化解矛盾纠纷312件，调解成功率98%。'],
        ['安全生产', '开展安全生产检查860家次。'],
      ],
    ],
    [
      '平安办2017年工作小结\n\n（一）综合治理：全年排查化解矛盾纠纷312件。\n（二）安全生产：开展检查860家次。\n',
      [
        ['综合治理', '全年排查化解矛盾纠纷312件。'],
        ['安全生产', '开展检查860家次。'],
      ],
    ],
    [
      '服务办2017年工作要点\n\n1.安全生产。今年开展安全生产检查860家次。\n2.为老服务。全年助餐服务1.2万人次。\n',
      [
        ['安全生产', '今年开展安全生产检查860家次。'],
        ['为老服务', '全年助餐服务1.2万人次。'],
      ],
    ],
    [
      '平安办2017年工作小结\n\n一、平安建设\n\n1.消防安全：开展消防演练12次。\n\n2.信访维稳。全年受理信访件92件，办结率100%。\n\n二、城市管理\n\n拆除违法建筑37处。\n',
      [
        ['消防安全', '开展消防演练12次。'],
        ['信访维稳', '全年受理信访件92件，办结率100%。'],
        ['城市管理', '拆除违法建筑37处。'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(contentOf(text)).toEqual(expected);
  });

  it('keeps a heading with a colon in its title a heading (no statement after the colon)', () => {
    const report = parseReportText(
      '某街道2017年工作总结\n\n一、坚持党建引领：筑牢基层堡垒\n\n全年开展主题党日活动216场。\n\n二、聚焦民生保障：增进群众福祉\n\n新建长者食堂2家。\n',
    );
    expect(report.parts.map((p) => p.title)).toEqual([
      '坚持党建引领：筑牢基层堡垒',
      '聚焦民生保障：增进群众福祉',
    ]);
  });
});
