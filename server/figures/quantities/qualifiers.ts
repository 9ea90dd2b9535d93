/**
 * Qualifiers around a written number (约, 超过, 不少于 before it; 余 after it; 以上, 左右 after the
 * unit) and the interval of true values each one allows.
 */

import { gapAt } from './numeral.ts';
import { wordEndingAt } from './word-at.ts';

/** How a qualifier bounds the true value. */
export type Bound = 'within' | 'about' | 'nearly' | 'more' | 'atLeast' | 'less' | 'atMost' | 'exact';

/** Qualifiers written before the number, longest first. */
const prefixQualifiers: [string, Bound][] = [
  ['不少于', 'atLeast'],
  ['不低于', 'atLeast'],
  ['不超过', 'atMost'],
  ['不多于', 'atMost'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['大约', 'about'],
  ['约合', 'about'],
  ['超过', 'more'],
  ['多达', 'exact'],
  ['高达', 'exact'],
  ['达到', 'exact'],
  ['不到', 'less'],
  ['不足', 'less'],
  ['少于', 'less'],
  ['低于', 'less'],
  ['高于', 'more'],
  ['多于', 'more'],
  ['至少', 'atLeast'],
  ['最多', 'atMost'],
  ['约', 'about'],
  ['近', 'nearly'],
  ['逾', 'more'],
  ['超', 'more'],
  ['达', 'exact'],
];

const prefixWords = prefixQualifiers.map(([w]) => w);

/** Characters before a one-character qualifier that make it the end of another word (节约, 附近, 下达). */
const wordTails: Record<string, string> = {
  约: '节制签预契公邀相特履违集婚',
  近: '附最接将临靠亲贴邻',
  达: '到抵发表传下转送直通',
  超: '高赶',
};

/** Qualifiers written after the unit, longest first. */
export const suffixQualifiers: [string, Bound][] = [
  ['及以上', 'atLeast'],
  ['及以下', 'atMost'],
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['左右', 'about'],
  ['之多', 'exact'],
];

/** Qualifiers that make a lone 万/千/百 a round number (近万人, 逾千户). */
export const roundQualifiers = ['将近', '接近', '超过', '近', '逾', '超', '约'];

/** The qualifier written before `start` (a lone space may stand between), with where it starts. */
export function prefixQualifierBefore(
  text: string,
  start: number,
): { word: string; bound: Bound; start: number } | null {
  const spaced = gapAt(text, start - 1);
  const found = wordEndingAt(text, start - spaced, prefixWords);
  if (!found) return null;
  // 节约, 签约, 附近, 下达: the qualifier's character ends another word there.
  const before = text[start - spaced - found.length - 1];
  if (before && wordTails[found]?.includes(before)) return null;
  const bound = prefixQualifiers.find(([w]) => w === found)![1];
  return { word: found, bound, start: start - spaced - found.length };
}

/** Interval of magnitudes a written value allows under the given bounds. */
export function interval(
  value: number,
  step: number,
  place: number,
  bounds: Bound[],
  upper: number | null,
): [number, number] {
  let low = value - step / 2;
  let high = (upper ?? value) + step / 2;
  // Exclusive bounds (超过5000, below the next 100 of 3400余) stop a ten-thousandth of a written step short.
  const open = 1e-4 * step;
  const within = bounds.includes('within');
  for (const bound of bounds) {
    switch (bound) {
      case 'within':
        // 3400余: at least 3400, below the next 100.
        low = value;
        high = value + place - open;
        break;
      case 'about': {
        // 约8.5万余: 余 already says how far the value may lie; 约 adds nothing to it.
        if (within) break;
        const slack = Math.max(0.05 * value, step / 2);
        low -= slack;
        high += slack;
        break;
      }
      case 'nearly':
        // 近3000人: just under 3000 (近万人: 9000 to 10000).
        low = 0.9 * value;
        high = value + Math.min(step / 2, 0.01 * value);
        break;
      case 'more':
        low = value + open;
        high = Number.POSITIVE_INFINITY;
        break;
      case 'atLeast':
        high = Number.POSITIVE_INFINITY;
        break;
      case 'less':
        low = 0;
        high = value - open;
        break;
      case 'atMost':
        low = 0;
        break;
      case 'exact':
        break;
    }
  }
  return [Math.max(low, 0), high];
}
