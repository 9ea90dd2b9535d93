import { describe, expect, it } from 'vitest';
import { clampTop, revealRow } from '../../../../cli/ui/layout/scroll.ts';

describe('clampTop', () => {
  it.each([
    [5, 100, 10, 5],
    [-3, 100, 10, 0],
    [95, 100, 10, 90],
    [4, 6, 10, 0],
  ])('top %i of %i rows in a window of %i → %i', (top, total, height, out) => {
    expect(clampTop(top, total, height)).toBe(out);
  });
});

describe('revealRow', () => {
  it.each([
    { name: 'a visible row leaves the window alone', top: 10, row: 15, out: 10 },
    { name: 'a row below scrolls down, with context after it', top: 0, row: 30, out: 23 },
    { name: 'a row above scrolls up, with context before it', top: 40, row: 20, out: 18 },
    { name: 'no row (-1) keeps the window', top: 7, row: -1, out: 7 },
    { name: 'never past the end', top: 0, row: 99, out: 90 },
  ])('$name', ({ top, row, out }) => {
    expect(revealRow(top, row, 100, 10)).toBe(out);
  });
});
