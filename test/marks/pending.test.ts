import { describe, expect, it } from 'vitest';
import { countPending, pendingMarker, pendingPrevious, pendingSpans } from '../../server/marks/pending.ts';

describe('pending markers', () => {
  it('writes the marker the writer sees and reads last year’s figure back', () => {
    const marker = pendingMarker('4280平方米');
    expect(marker).toBe('【待核实:上年为4280平方米】');
    expect(pendingPrevious(marker)).toBe('4280平方米');
    expect(pendingPrevious('【待核实:上年为十家】')).toBe('十家');
  });

  it('finds markers with either colon, and nothing else in 【】', () => {
    const text = '完成【待核实:上年为538户】选房,受理【待核实:上年为801户】,【注】不算。';
    expect(countPending(text)).toBe(2);
    expect(pendingSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '【待核实:上年为538户】',
      '【待核实:上年为801户】',
    ]);
  });
});
