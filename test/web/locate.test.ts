import { describe, expect, it } from 'vitest';
import { locate } from '../../server/web/client/locate.ts';

const report =
  '甘泉路街道2016年工作总结\n\n  全年共计拆除违法建筑154处,9058平方米。合力开展小区环境综合整治。\n\n  其他段落。';

describe('locate', () => {
  it('finds a passage exactly', () => {
    const passage = '全年共计拆除违法建筑154处,9058平方米。合力开展小区环境综合整治。';
    const span = locate(report, passage)!;
    expect(report.slice(span.start, span.end)).toBe(passage);
  });

  it('falls back to the first sentence when the rest differs', () => {
    const span = locate(report, '全年共计拆除违法建筑154处,9058平方米。此句在报告中另有写法。')!;
    expect(report.slice(span.start, span.end)).toBe('全年共计拆除违法建筑154处,9058平方米。');
  });

  it('falls back to the first 20 characters of a long first sentence', () => {
    const span = locate(report, '全年共计拆除违法建筑154处,9058平方米,另有说明')!;
    expect(report.slice(span.start, span.end)).toBe('全年共计拆除违法建筑154处,9058平');
  });

  it.each([[''], ['   '], ['报告中没有的一句话。'], ['其他。']])('finds nothing for %j', (passage) => {
    expect(locate(report, passage)).toBeNull();
  });
});
