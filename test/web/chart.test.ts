import { describe, expect, it } from 'vitest';
import { barLayout } from '../../server/web/client/chart.ts';

describe('barLayout', () => {
  it('orders bars by year and scales the largest to the plot height', () => {
    const layout = barLayout(
      [
        { year: 2017, value: 127 },
        { year: 2016, value: 154 },
      ],
      600,
      220,
    );
    expect(layout.bars.map((b) => b.year)).toEqual([2016, 2017]);
    const [a, b] = layout.bars;
    expect(a.y).toBeCloseTo(24);
    expect(a.y + a.height).toBeCloseTo(layout.baseline);
    expect(b.height / a.height).toBeCloseTo(127 / 154);
    expect(b.x).toBeGreaterThan(a.x + a.width);
    expect(b.x + b.width).toBeLessThanOrEqual(600);
  });

  it('hangs negative values below the zero line', () => {
    const layout = barLayout(
      [
        { year: 2016, value: 30 },
        { year: 2017, value: -10 },
      ],
      600,
      220,
    );
    const [up, down] = layout.bars;
    expect(up.y + up.height).toBeCloseTo(layout.baseline);
    expect(down.y).toBeCloseTo(layout.baseline);
    expect(down.height / up.height).toBeCloseTo(1 / 3);
  });

  it('draws a single year, or zeros, without dividing by zero', () => {
    for (const points of [[{ year: 2016, value: 5 }], [{ year: 2016, value: 0 }]]) {
      const [bar] = barLayout(points, 600, 220).bars;
      expect(Number.isFinite(bar.y + bar.height + bar.x)).toBe(true);
      expect(bar.width).toBeLessThanOrEqual(64);
    }
    expect(barLayout([], 600, 220).bars).toEqual([]);
  });
});
