import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../server/report/parse.ts';
import { allParagraphs, spanProblems } from './structure.ts';

interface Case {
  name: string;
  page: string[];
  title: string;
  org: string | null;
  year: number | null;
  planYear?: number | null;
  /** Lines of the page that must not be paragraphs (page furniture). */
  junk?: string[];
}

const body = '2022年,街道在区委、区政府的坚强领导下,扎实推进各项工作,全年新增就业岗位860个。';

/** Short page excerpts, each with one kind of furniture above or around the title (from the dev set). */
const cases: Case[] = [
  {
    name: 'attachment label above the title',
    page: ['附件2', '华庄街道2022年工作总结', body],
    title: '华庄街道2022年工作总结',
    org: '华庄街道',
    year: 2022,
  },
  {
    name: 'pipe metadata table, title row with a pipe, date and source line',
    page: [
      '索引号 | K16059504/2024-117342 | ||',
      '组配分类 | 计划总结 | 发布机构 | 东柳街道 |',
      '公开范围 | 面向全社会 |',
      '东柳街道2023年工作总结和2024年工作思路 |',
      '发布日期: 2024-03-21 11:04 信息来源: 东柳街道 信息来源: 东柳街道 |',
      body,
    ],
    junk: ['发布日期: 2024-03-21 11:04 信息来源: 东柳街道 信息来源: 东柳街道 |'],
    title: '东柳街道2023年工作总结和2024年工作思路',
    org: '东柳街道',
    year: 2023,
    planYear: 2024,
  },
  {
    name: 'breadcrumb, title without office, office in the source line',
    page: [
      '无障碍版 长者助手 登录',
      '您当前的位置: 首页 >政务公开 > 规划计划',
      '2021年民政工作总结和2022年工作计划',
      '信息来源:中山市民政局 发布日期:2022-01-29 分享:',
      body,
    ],
    title: '2021年民政工作总结和2022年工作计划',
    org: '中山市民政局',
    year: 2021,
    planYear: 2022,
    junk: ['信息来源:中山市民政局 发布日期:2022-01-29 分享:'],
  },
  {
    name: 'bulleted metadata with values on their own lines, bulleted title',
    page: [
      '• 信息索引号:',
      '1133070200259915X2/2022-00457',
      '• 文件名称:',
      '金华市婺城区民政局2021年工作总结和2022年工作思路',
      '• 发布机构:',
      '区民政局',
      '• 金华市婺城区民政局2021年工作总结和2022年工作思路',
      '日期:2022-01-13 15:19:46 来源:区民政局 浏览量:',
      body,
    ],
    junk: ['日期:2022-01-13 15:19:46 来源:区民政局 浏览量:'],
    title: '金华市婺城区民政局2021年工作总结和2022年工作思路',
    org: '金华市婺城区民政局',
    year: 2021,
    planYear: 2022,
  },
  {
    name: 'the title only in the metadata table (标题:)',
    page: [
      '当前位置:首页>政府信息公开>部门信息公开目录>统计局>年度报告',
      '字体大小:【大】 【中】 【小】',
      '发文机关:长治市上党区统计局 | 主题词: |',
      '标题:长治市上党区统计局2020年工作总结暨2021年工作计划 | |',
      '主题分类:其它 | 发布日期:2020-12-31 |',
      body,
    ],
    title: '长治市上党区统计局2020年工作总结暨2021年工作计划',
    org: '长治市上党区统计局',
    year: 2020,
    planYear: 2021,
  },
  {
    name: 'a listing line with its date above the title',
    page: [
      '五角场街道办事处2016年工作总结和2017年工作安排 2018-06-15',
      '五角场街道办事处2016年工作总结和2017年工作安排',
      body,
    ],
    title: '五角场街道办事处2016年工作总结和2017年工作安排',
    org: '五角场街道办事处',
    year: 2016,
    planYear: 2017,
    junk: ['五角场街道办事处2016年工作总结和2017年工作安排'],
  },
  {
    name: 'office and year-and-genre on two lines',
    page: ['北京市东城区人民政府交道口街道办事处', '2016年政府信息公开工作年度报告', body],
    title: '北京市东城区人民政府交道口街道办事处2016年政府信息公开工作年度报告',
    org: '北京市东城区人民政府交道口街道办事处',
    year: 2016,
  },
  {
    name: 'a page title with the site name before it',
    page: [
      '永顺县人民政府-2016年上半年润雅乡主要工作目标管理情况自查报告',
      '2016年上半年润雅乡主要工作目标管理情况自查报告',
      '来源: 发布时间:2016-11-03 14:59:50 字体大小:',
      body,
    ],
    junk: ['来源: 发布时间:2016-11-03 14:59:50 字体大小:', '2016年上半年润雅乡主要工作目标管理情况自查报告'],
    title: '2016年上半年润雅乡主要工作目标管理情况自查报告',
    org: '润雅乡',
    year: 2016,
  },
  {
    name: 'a title followed at once by its paragraph (no blank line)',
    page: [
      '经开区2022年经济社会发展总体情况和2023年工作打算汇报\n今年以来,在市委市政府坚强领导下,经开区经济社会保持良好发展势头。',
    ],
    title: '经开区2022年经济社会发展总体情况和2023年工作打算汇报',
    org: '经开区',
    year: 2022,
    planYear: 2023,
  },
  {
    name: 'a 政府工作报告 of 2021 reviewing 2020',
    page: ['沙沟镇2021年政府工作报告', '各位代表:', '2020年工作回顾', body],
    title: '沙沟镇2021年政府工作报告',
    org: '沙沟镇',
    year: 2020,
    planYear: 2021,
  },
  {
    name: 'a 社代会报告 of 2020 reviewing 2019, the office after the year',
    page: [
      '2020年塘桥街道社代会报告',
      '索引号 | XD8200000-2020-002 | 发布机构 | 塘桥街道 |',
      '一、2019年工作回顾',
      body,
    ],
    title: '2020年塘桥街道社代会报告',
    org: '塘桥街道',
    year: 2019,
    planYear: 2020,
    junk: ['索引号 | XD8200000-2020-002 | 发布机构 | 塘桥街道 |', '一、2019年工作回顾'],
  },
  {
    name: 'a document site: preview notice and page markers around the text',
    page: [
      '2022年红星镇工作总结.docx_第1页',
      '第1页 / 共12页',
      '红星镇2022年工作总结',
      body,
      '- 1 -',
      '亲,该文档总共12页,到这儿已超出免费预览范围,如果喜欢就下载吧!',
      '全年新建村级活动室3个。',
    ],
    title: '红星镇2022年工作总结',
    org: '红星镇',
    year: 2022,
    junk: ['- 1 -', '亲,该文档总共12页,到这儿已超出免费预览范围,如果喜欢就下载吧!'],
  },
  {
    name: 'the city in brackets before the office',
    page: ['导航菜单', '(金华市)金东区澧浦镇2020年工作总结和2021年工作计划', body],
    title: '(金华市)金东区澧浦镇2020年工作总结和2021年工作计划',
    org: '金东区澧浦镇',
    year: 2020,
    planYear: 2021,
    junk: ['导航菜单'],
  },
  {
    name: 'no title at all (a mirror page): no line taken as one, the year from the review heading',
    page: ['一、2021年工作情況', '(一)穩經濟促發展', '一是農業穩步發展。2021年我鎮糧食播種麵積19470畝。'],
    title: '',
    org: null,
    year: 2021,
  },
];

describe('title, office and years below page furniture', () => {
  it.each(cases)('$name', (c) => {
    const report = parseReportText(c.page.join('\n'));
    expect(report.title).toBe(c.title);
    expect(report.org).toBe(c.org);
    expect(report.year).toBe(c.year);
    expect(report.planYear).toBe(c.planYear ?? null);
    expect(spanProblems(report)).toEqual([]);
    const texts = allParagraphs(report).map((p) => p.text);
    for (const line of c.junk ?? []) expect(texts).not.toContain(line);
  });

  it('drops copies of the title below it, whole or split over lines, as furniture', () => {
    const report = parseReportText(
      [
        '醴陵市王仙镇2017年政府信息公开工作 年度报告',
        '发布时间:2018-03-01字体:[ ]',
        '醴陵市王仙镇2017年政府信息公开工作',
        '年度报告',
        body,
      ].join('\n\n'),
    );
    expect(allParagraphs(report).map((p) => p.text)).toEqual([body]);
  });
});
