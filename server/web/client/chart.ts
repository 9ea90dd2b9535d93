/** Geometry of a small bar chart of a metric across years (pure: the SVG is drawn in trend.ts). */

export interface Point {
  year: number;
  value: number;
}

export interface Bar extends Point {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** y of the zero line. */
  baseline: number;
  bars: Bar[];
}

/** Room kept above the bars for value labels and below them for the years. */
const top = 24;
const bottom = 26;
const side = 16;

/**
 * Bars for values by year, left to right, scaled so the largest magnitude fills the height and
 * negative values hang below the zero line.
 * @example barLayout([{year: 2016, value: 154}, {year: 2017, value: 127}], 600, 220)
 */
export function barLayout(points: readonly Point[], width: number, height: number): ChartLayout {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const high = Math.max(0, ...sorted.map((p) => p.value));
  const low = Math.min(0, ...sorted.map((p) => p.value));
  const span = high - low || 1;
  const plot = height - top - bottom;
  const baseline = top + (high / span) * plot;
  const slot = (width - 2 * side) / Math.max(1, sorted.length);
  const barWidth = Math.min(64, slot * 0.6);
  const bars = sorted.map((p, i) => {
    const size = (Math.abs(p.value) / span) * plot;
    return {
      ...p,
      x: side + i * slot + (slot - barWidth) / 2,
      y: p.value >= 0 ? baseline - size : baseline,
      width: barWidth,
      height: Math.max(size, p.value === 0 ? 0 : 1),
    };
  });
  return { width, height, baseline, bars };
}
