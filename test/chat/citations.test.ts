import { describe, expect, it } from 'vitest';
import { CitationBook, citationText, paragraphNumber } from '../../server/chat/citations.ts';
import { hitsOf, seedSketch } from './hits.ts';

const seed = hitsOf(seedSketch);

describe('citations', () => {
  it('numbers paragraphs within their part, section or footnote mark', () => {
    const number = (text: string) => paragraphNumber(seed.report, seed.find(text).chunk);
    expect(number('独居老人')).toBe(1);
    expect(number('帮困救助')).toBe(2);
    expect(number('拆除违法建筑154处')).toBe(1);
    expect(number('工作主线')).toBe(1);
    expect(number('提能增效')).toBe(1);
    expect(number('“五违”指')).toBe(1);
    expect(paragraphNumber(null, seed.find('帮困救助').chunk)).toBe(0);
  });

  it('gives each passage one number, in order of first use', () => {
    const book = new CitationBook(new Map([[seed.report.id, seed.report]]));
    expect(book.cite(seed.find('拆除违法建筑'))).toBe(1);
    expect(book.cite(seed.find('帮困救助'))).toBe(2);
    expect(book.cite(seed.find('拆除违法建筑'))).toBe(1);
    expect(book.list().map((c) => [c.n, c.part, c.paragraph, c.year])).toEqual([
      [1, 2, 1, 2016],
      [2, 1, 2, 2016],
    ]);
  });

  it('writes a citation for people', () => {
    expect(citationText(seed.find('帮困救助').citation, 2)).toBe(
      '《甘泉路街道2016年工作总结》(一)注重保障民生,公共服务能级提升 第2段',
    );
    expect(citationText(seed.find('“五违”指').citation, 1)).toBe('《甘泉路街道2016年工作总结》注释[1]');
  });
});
