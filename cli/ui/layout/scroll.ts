/** Scrolling a window of `height` rows over `total` rows: pure arithmetic the screens share. */

/** The first visible row, kept inside the content. */
export function clampTop(top: number, total: number, height: number): number {
  return Math.max(0, Math.min(top, total - height));
}

/**
 * The first visible row after bringing `row` into view, with a margin of context rows above it
 * when the window has to move.
 */
export function revealRow(top: number, row: number, total: number, height: number, margin = 2): number {
  if (row < 0) return clampTop(top, total, height);
  if (row < top + Math.min(margin, row)) return clampTop(row - margin, total, height);
  if (row >= top + height - margin) return clampTop(row - height + 1 + margin, total, height);
  return clampTop(top, total, height);
}
