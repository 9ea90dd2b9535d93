import { describe, expect, it } from 'vitest';
import { figureSegments } from '../../../../cli/ui/layout/figures.ts';

describe('figureSegments', () => {
  const text = '全年服务3620余次,惠及4985人次,完成【待核实:上年为538户】。';
  const spans = [
    { start: 4, end: 10, verdict: 'supported' as const },
    { start: 13, end: 19, verdict: 'contradicted' as const },
  ];

  it('colours each figure by its verdict and keeps the text whole', () => {
    const segments = figureSegments(text, spans);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.find((s) => s.text === '3620余次')?.style).toMatchObject({ color: 'green' });
    expect(segments.find((s) => s.text === '4985人次')?.style).toMatchObject({ color: 'red', bold: true });
  });

  it('highlights 【待核实…】 markers', () => {
    const marker = figureSegments(text, spans).find((s) => s.text.startsWith('【待核实'));
    expect(marker).toEqual({ text: '【待核实:上年为538户】', style: { color: 'magenta', bold: true } });
  });

  it('draws the selected span inverse, in any order the spans come', () => {
    const segments = figureSegments(text, [...spans].reverse(), 0);
    expect(segments.find((s) => s.text === '4985人次')?.style?.inverse).toBe(true);
    expect(segments.find((s) => s.text === '3620余次')?.style?.inverse).toBe(false);
  });

  it('colours unverified figures yellow; drops spans past the text or overlapping an earlier one', () => {
    const segments = figureSegments('共计127处', [
      { start: 2, end: 6, verdict: 'unverified' },
      { start: 3, end: 5, verdict: 'supported' },
      { start: 5, end: 99, verdict: 'supported' },
    ]);
    expect(segments).toEqual([
      { text: '共计', style: undefined },
      { text: '127处', style: { color: 'yellow', bold: true, inverse: false } },
    ]);
  });
});
