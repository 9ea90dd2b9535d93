import { describe, expect, it } from 'vitest';
import { chunkReport, maxChunkChars, pieces } from '../../server/store/chunk.ts';
import { buildReport } from '../support/report-builder.ts';

const longParagraph = Array.from(
  { length: 30 },
  (_, i) => `完成第${i + 1}项社区微更新工程,居民满意度明显提升。`,
).join('');

const report = buildReport({
  title: '甘泉路街道2016年工作总结',
  org: '甘泉路街道',
  year: 2016,
  preamble: ['过去的一年,街道办事处加快推进宜居幸福甘泉建设。'],
  partsIntro: '主要开展了以下六方面工作:',
  parts: [
    { title: '注重保障民生,公共服务能级提升', paragraphs: ['丰富为老服务内涵。全年服务3400余次。'] },
    { title: '补齐发展短板,公共管理走向精细', paragraphs: ['“五违四必”[1]整治圆满完成。', longParagraph] },
  ],
  closing: ['一是机构运行提能增效需要进一步加强。'],
  footnotes: ['“五违”指违法用地、违法建筑。'],
});

describe('chunkReport', () => {
  const chunks = chunkReport(report);

  it('keeps reading order and labels each section', () => {
    const firstPieces = chunks
      .filter((c) => c.piece === 0)
      .map((c) => [c.section, c.part, c.text.slice(0, 4)]);
    expect(firstPieces).toEqual([
      ['title', 0, '甘泉路街'],
      ['preamble', 0, '过去的一'],
      ['preamble', 0, '主要开展'],
      ['part', 1, '丰富为老'],
      ['part', 2, '“五违四'],
      ['part', 2, '完成第1'],
      ['closing', 0, '一是机构'],
      ['footnote', 0, '“五违”'],
    ]);
    expect(chunks.map((c) => c.start)).toEqual([...chunks.map((c) => c.start)].sort((a, b) => a - b));
  });

  it('points every chunk at its exact text in the report', () => {
    for (const chunk of chunks) expect(report.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
  });

  it('carries report metadata and part titles', () => {
    const part = chunks.find((c) => c.section === 'part' && c.part === 1)!;
    expect(part).toMatchObject({
      reportId: report.id,
      reportTitle: '甘泉路街道2016年工作总结',
      org: '甘泉路街道',
      year: 2016,
      partTitle: '注重保障民生,公共服务能级提升',
      paragraph: report.parts[0].paragraphs[0].index,
    });
  });

  it('names title and footnote chunks distinctly and keeps ids unique', () => {
    expect(chunks[0].id).toBe(`${report.id}:title:0`);
    expect(chunks.at(-1)).toMatchObject({
      id: `${report.id}:fn1:0`,
      paragraph: 1,
      text: '“五违”指违法用地、违法建筑。',
    });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it('splits a long paragraph on sentence ends into pieces within the limit', () => {
    const long = chunks.filter((c) => c.paragraph === report.parts[1].paragraphs[1].index);
    expect(long.length).toBeGreaterThan(1);
    expect(long.map((c) => c.text).join('')).toBe(longParagraph);
    for (const c of long) {
      expect(c.text.length).toBeLessThanOrEqual(maxChunkChars);
      expect(c.text.endsWith('。')).toBe(true);
    }
  });

  it('uses 0 and empty strings for an unknown office and year', () => {
    const bare = chunkReport(
      buildReport({ title: '工作总结', parts: [{ title: '', paragraphs: ['做了很多工作。'] }] }),
    );
    expect(bare[1]).toMatchObject({ org: '', year: 0, part: 1 });
  });
});

describe('pieces', () => {
  it.each([
    { text: '甲。乙。', max: 10, expected: [[0, 4]] },
    {
      text: '甲。乙。',
      max: 2,
      expected: [
        [0, 2],
        [2, 4],
      ],
    },
    {
      text: '一二三。四五六。七。',
      max: 6,
      expected: [
        [0, 4],
        [4, 10],
      ],
    },
    { text: '没有句号的一长串文字', max: 4, expected: [[0, 10]] },
  ])('packs $text into sentence-bounded pieces of at most $max', ({ text, max, expected }) => {
    expect(pieces(text, max).map((s) => [s.start, s.end])).toEqual(expected);
  });
});
