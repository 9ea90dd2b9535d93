/** Search hits made from hand-built reports, for chat tests that need passages without a store. */
import type { SearchHit } from '../../server/retrieve/index.ts';
import { chunkReport } from '../../server/store/index.ts';
import { buildReport, type ReportSketch } from '../support/report-builder.ts';

/** Every chunk of a sketched report as a search hit (score by position), and the report. */
export function hitsOf(sketch: ReportSketch) {
  const report = buildReport(sketch);
  const hits: SearchHit[] = chunkReport(report).map((chunk, i) => ({
    chunk,
    score: 1 / (i + 1),
    text: chunk.text,
    citation: {
      reportId: chunk.reportId,
      reportTitle: chunk.reportTitle,
      year: chunk.year,
      part: chunk.part,
      partTitle: chunk.partTitle,
      paragraph: chunk.paragraph,
      section: chunk.section,
    },
  }));
  return { report, hits, find: (text: string) => hits.find((h) => h.text.includes(text)) as SearchHit };
}

/** A small 2016 report in the seed's words. */
export const seedSketch: ReportSketch = {
  title: '甘泉路街道2016年工作总结',
  org: '甘泉路街道',
  year: 2016,
  preamble: ['过去的一年,街道以“补齐城市管理短板,提升公共服务水平”为工作主线。'],
  parts: [
    {
      title: '注重保障民生,公共服务能级提升',
      paragraphs: [
        '丰富为老服务内涵。依托社区基金会项目化运作,试点开展“社区互助养老服务”,全年服务3400余次。建立甘泉社区独居老人动态数据库,组建“独居老人结对关爱联盟”。',
        '落实托底保障政策。元旦、春节帮困救助惠及4720人次,总金额139.76万元。',
      ],
    },
    {
      title: '补齐发展短板,公共管理走向精细',
      paragraphs: ['“五违四必”[1]整治圆满完成。全年共计拆除违法建筑154处,9058平方米,名列全区第一。'],
    },
  ],
  closing: ['一是机构运行提能增效需要进一步加强。'],
  footnotes: [
    '“五违”指违法用地、违法建筑、违法经营、违法排污、违法居住;“四必”指安全隐患必须消除、违法无证建筑必须拆除、脏乱现象必须整治、违法经营必须取缔。',
  ],
};
