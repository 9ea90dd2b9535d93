/**
 * Chinese quantities: a number with its unit, qualifiers (余, 约, 超过, 以上…), percent forms
 * (34%, 百分之三十四, 三分之二, 八成, 0.5个百分点), ranges (15-20人) and direction words that make it a
 * change (同比下降34%, 比上年增加120人) — read into a value in base units and the interval of true
 * values its written form allows.
 */

import type { ClaimKind, Quantity } from '../types.ts';
import type { Numeral } from './numeral.ts';
import { chineseStyle, gapAt, readNumeral, scaleFactor } from './numeral.ts';
import { normalizeUnit, writtenUnits } from './units.ts';

/** A quantity read from text, with where it was written and how. */
export interface QuantityReading extends Quantity {
  kind: ClaimKind;
  /** Span of the figure: qualifier and direction words before the number are included. */
  start: number;
  end: number;
  /** Start of the comparison base (同比, 比上年) when one precedes the direction word, else `start`. */
  baselineStart: number;
  /** The number as written (the first one of a range). */
  numeral: Numeral;
  /** The second number of a range (15-20人). */
  upper: Numeral | null;
  /** The unit as written (万元 is written 万 + 元: the 万 belongs to the numeral). */
  writtenUnit: string;
  /** +1 / -1 when a direction word made the number a change (增长/下降), 0 for a level. */
  direction: -1 | 0 | 1;
  /** The direction word as written (下降, 增幅), '' for a level. */
  directionWord: string;
  /** What a change compares with (同比, 比上年), '' when not written. */
  baseline: string;
  /** Percent written in words: 百分之 (百分之三十四), 分之 (三分之二), 成 (八成); '' otherwise. */
  percentForm: '' | '百分之' | '分之' | '成';
  /** X以上 followed by a noun (90周岁以上老人): a bound inside a definition, not a figure. */
  threshold: boolean;
}

/** How a qualifier bounds the true value. */
type Bound = 'within' | 'about' | 'nearly' | 'more' | 'atLeast' | 'less' | 'atMost' | 'exact';

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

/** Characters before a one-character qualifier that make it the end of another word (节约, 附近, 下达). */
const wordTails: Record<string, string> = {
  约: '节制签预契公邀相特履违集婚',
  近: '附最接将临靠亲贴邻',
  达: '到抵发表传下转送直通',
  超: '高赶',
};

/** Qualifiers written after the unit, longest first. */
const suffixQualifiers: [string, Bound][] = [
  ['及以上', 'atLeast'],
  ['及以下', 'atMost'],
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['左右', 'about'],
  ['之多', 'exact'],
];

/** Verbs and nouns that make the following number a change, with its sign. */
const directionWords: [string, 1 | -1][] = [
  ['增长', 1],
  ['增加', 1],
  ['上升', 1],
  ['提高', 1],
  ['提升', 1],
  ['增多', 1],
  ['上涨', 1],
  ['增幅', 1],
  ['涨幅', 1],
  ['增速', 1],
  ['下降', -1],
  ['减少', -1],
  ['降低', -1],
  ['回落', -1],
  ['下滑', -1],
  ['减小', -1],
  ['缩减', -1],
  ['降幅', -1],
  ['跌幅', -1],
];

/** Words that may stand between a direction word and its number (下降了34%, 增幅为12%). */
const directionLinks = ['了', '为', '是'];

/** What a change compares with, longest first. */
const baselines = [
  '比上年同期',
  '较上年同期',
  '比去年同期',
  '较去年同期',
  '与上年相比',
  '与去年相比',
  '比上一年',
  '较上一年',
  '比上年',
  '较上年',
  '比去年',
  '较去年',
  '同比',
  '环比',
];

const rangeDashes = new Set(['-', '~', '～', '—', '–', '－', '至', '到']);

/** Characters after 成 that make it part of a word (成立, 成为, 成功…), not 八成 = 80%. */
const chengWordTails = new Set([...'立为功果效绩员本交熟长型就都片批年了']);

const minusSigns = new Set(['-', '－', '−']);

/** Marks that end a clause: a baseline before one of them is another figure's. */
const clauseEnds = /[,;:!?。\uff0c\uff1b\uff1a\uff01\uff1f]/;

/** The baseline (同比, 比上年) written earlier in the clause that ends at `end`, or ''. */
function baselineInClause(text: string, end: number): string {
  let from = end;
  while (from > 0 && end - from < 40 && !clauseEnds.test(text[from - 1])) from--;
  const clause = text.slice(from, end);
  return baselines.find((b) => clause.includes(b)) ?? '';
}

/** The word from `words` that ends exactly at `end`, longest first, or null. */
function wordEndingAt<T extends string>(text: string, end: number, words: readonly T[]): T | null {
  for (const word of words) {
    if (end >= word.length && text.startsWith(word, end - word.length)) return word;
  }
  return null;
}

const prefixWords = prefixQualifiers.map(([w]) => w);
const directionList = directionWords.map(([w]) => w);

/** Written units by their first character, longest first. */
const unitsByFirst = new Map<string, string[]>();
for (const unit of writtenUnits) {
  const list = unitsByFirst.get(unit[0]) ?? [];
  list.push(unit);
  unitsByFirst.set(unit[0], list);
}

/** The first unit written at `at` (longest match), or null. */
function readUnit(text: string, at: number): string | null {
  for (const unit of unitsByFirst.get(text[at]) ?? []) {
    if (text.startsWith(unit, at)) return unit;
  }
  return null;
}

/** Reads the second number of a range (15-20, 十五至二十) if one follows. */
function readRange(text: string, first: Numeral): Numeral | null {
  const dash = text[first.end];
  if (dash === undefined || !rangeDashes.has(dash)) return null;
  const second = readNumeral(text, first.end + 1);
  if (!second || second.style.script !== first.style.script || second.value <= first.value / 1e4) return null;
  return second;
}

/** Interval of magnitudes a written value allows under the given bounds. */
function interval(
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

/** The 百 of 百分之百 as a numeral (100, exact). */
function hundred(start: number): Numeral {
  return { value: 100, start, end: start + 1, step: 1, place: 100, style: chineseStyle };
}

/** Qualifiers that make a lone 万/千/百 a round number (近万人, 逾千户). */
const roundQualifiers = ['将近', '接近', '超过', '近', '逾', '超', '约'];

/** 万余人, 近万人, 百余户: a lone 万/千/百 with 余/多 after it or 近/逾 before it is a round number. */
function roundNumber(text: string, at: number): Numeral | null {
  const value = ({ 百: 100, 千: 1000, 万: 1e4 } as Record<string, number>)[text[at]];
  if (value === undefined) return null;
  const qualified =
    text[at + 1] === '余' || text[at + 1] === '多' || wordEndingAt(text, at, roundQualifiers) !== null;
  if (!qualified) return null;
  return { value, start: at, end: at + 1, step: value, place: value, style: chineseStyle };
}

/**
 * Reads the quantity whose number starts at `at` (a digit, a Chinese numeral, or 百分之), looking
 * back for qualifiers and direction words and forward for range, 余/多, unit and 以上/左右.
 * Returns null when no number starts at `at`.
 * @example scanQuantity('信访量同比下降34%。', 7) // { value: -34, unit: '%', kind: 'yoy', start: 5, … }
 */
export function scanQuantity(text: string, at: number): QuantityReading | null {
  let percentForm: QuantityReading['percentForm'] = '';
  let numberStart = at;
  if (text.startsWith('百分之', at)) {
    percentForm = '百分之';
    numberStart = at + 3;
  }
  // 百分之百: a lone 百 is no numeral anywhere else.
  const numeral = text.startsWith('百分之百', at)
    ? hundred(at + 3)
    : (readNumeral(text, numberStart) ?? roundNumber(text, numberStart));
  if (!numeral) return null;
  let value = numeral.value;
  let step = numeral.step;
  let place = numeral.place;
  let end = numeral.end;
  let upper: Numeral | null = null;
  let writtenUnit = '';
  const written: string[] = [];
  const bounds: Bound[] = [];

  // A minus sign written before the number (同比分别-3.5%、-12.8%), not the dash of a range (15-20).
  const negative = minusSigns.has(text[at - 1] ?? '') && !/[0-9A-Za-z０-９]/.test(text[at - 2] ?? '');
  // Before the number: qualifier (约, 超过, 达), then direction word (下降, 增幅为), then baseline (同比).
  let start = negative ? at - 1 : at;
  const spaced = gapAt(text, start - 1);
  const found = wordEndingAt(text, start - spaced, prefixWords);
  // 节约, 签约, 附近, 下达: the qualifier's character ends another word there.
  const before = text[start - spaced - (found?.length ?? 0) - 1];
  const prefix = found && before && wordTails[found]?.includes(before) ? null : found;
  let prefixBound: Bound | null = null;
  if (prefix) {
    prefixBound = prefixQualifiers.find(([w]) => w === prefix)![1];
    start -= spaced + prefix.length;
  }
  let direction: -1 | 0 | 1 = 0;
  let directionWord = '';
  let link = start - (prefix ? 0 : gapAt(text, start - 1));
  const linkWord = wordEndingAt(text, link, directionLinks);
  if (linkWord) link -= linkWord.length;
  const dir = wordEndingAt(text, link, directionList);
  // 新增加 is a count of new things, not a change.
  if (dir && text[link - dir.length - 1] !== '新') {
    direction = directionWords.find(([w]) => w === dir)![1];
    directionWord = dir;
    start = link - dir.length;
    // 负增长3.5%: a growth written as negative is a fall.
    if (text[start - 1] === '负' && direction === 1) {
      direction = -1;
      directionWord = `负${dir}`;
      start--;
    }
  }
  let baselineStart = start;
  let baseline = '';
  if (direction !== 0) {
    const base = wordEndingAt(text, start, baselines) ?? wordEndingAt(text, start - 1, baselines);
    if (base) {
      baseline = base;
      baselineStart = text.lastIndexOf(base, start);
    }
  } else if (negative) {
    baseline = baselineInClause(text, start);
  }
  if (prefix) written.push(prefix);
  if (prefixBound) bounds.push(prefixBound);

  // After the number.
  if (percentForm === '' && text.startsWith('分之', end)) {
    const numerator = readNumeral(text, end + 2);
    if (numerator && numeral.value > 0) {
      percentForm = '分之';
      value = (numerator.value / numeral.value) * 100;
      step = 1;
      place = 1;
      end = numerator.end;
    }
  }
  if (percentForm !== '分之') {
    upper = readRange(text, numeral);
    if (upper) {
      // 3-5万元: the multiplier written once applies to both ends.
      if (upper.style.scale && !numeral.style.scale && numeral.style.script === 'arabic') {
        const factor = scaleFactor(upper.style.scale);
        value = numeral.value * factor;
        step = numeral.step * factor;
      }
      end = upper.end;
    }
  }
  // 3000 余人次, 8 个: a lone space may stand between the number and what follows it.
  const gap = percentForm === '' && numeral.style.script === 'arabic' ? gapAt(text, end) : 0;
  if (gap && (/[余多%％]/.test(text[end + 1]) || readUnit(text, end + 1))) end += gap;
  if (text[end] === '余' || (text[end] === '多' && percentForm === '')) {
    written.push(text[end]);
    bounds.push('within');
    end++;
  }
  if (percentForm === '百分之' || percentForm === '分之') {
    writtenUnit = '%';
  } else if (text[end] === '成' && !chengWordTails.has(text[end + 1]) && value <= 10 && !upper) {
    percentForm = '成';
    writtenUnit = '%';
    value *= 10;
    step *= 10;
    place *= 10;
    end++;
  } else {
    const unit = readUnit(text, end);
    if (unit) {
      writtenUnit = unit;
      end += unit.length;
    }
  }
  // 10%-15%: a range whose unit is written after both ends.
  if (!upper && writtenUnit && rangeDashes.has(text[end])) {
    const second = readNumeral(text, end + 1);
    if (
      second &&
      second.style.script === numeral.style.script &&
      text.startsWith(writtenUnit, second.end) &&
      second.value > value
    ) {
      upper = second;
      end = second.end + writtenUnit.length;
    }
  }
  let threshold = false;
  const suffix = suffixQualifiers.find(([w]) => text.startsWith(w, end));
  if (suffix) {
    written.push(suffix[0]);
    bounds.push(suffix[1]);
    end += suffix[0].length;
    if (suffix[1] === 'atLeast' || suffix[1] === 'atMost') {
      threshold = /\p{Script=Han}/u.test(text[end] ?? '');
    }
  }
  // 超过100万元的村: a bound written before the number and followed by 的 and a noun defines a class.
  if (!suffix && text[end] === '的' && (prefixBound === 'more' || prefixBound === 'atLeast')) {
    threshold = /\p{Script=Han}/u.test(text[end + 1] ?? '');
  }

  // Units into base units; 倍 after a direction word is a percentage change (增长1.5倍 = +150%).
  let unit = '';
  let kind: ClaimKind = 'count';
  let factor = 1;
  if (writtenUnit) {
    const info = normalizeUnit(writtenUnit);
    if (info) {
      unit = info.unit;
      kind = info.kind;
      factor = info.factor;
    }
  }
  if (direction !== 0 || baseline) {
    if (unit === '倍') {
      unit = '%';
      factor = 100;
    }
    kind = unit === '%' ? 'yoy' : unit === '个百分点' ? 'pp' : 'delta';
  }
  const upperValue = upper ? upper.value * factor : null;
  const base = value * factor;
  const [lowMag, highMag] = interval(base, step * factor, place * factor, bounds, upperValue);
  const magnitude = upperValue !== null ? (base + upperValue) / 2 : base;
  const sign = (direction === -1 ? -1 : 1) * (negative ? -1 : 1);
  return {
    value: clean(sign * magnitude),
    unit,
    low: sign === 1 ? lowMag : -highMag,
    high: sign === 1 ? highMag : -lowMag,
    qualifier: written.join(''),
    kind,
    start,
    end,
    baselineStart,
    numeral,
    upper,
    writtenUnit,
    direction,
    directionWord,
    baseline,
    percentForm,
    threshold,
  };
}

function clean(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/** The result of parsing one written quantity. */
export type ParsedQuantity = Quantity & { kind: ClaimKind };

/**
 * Parses one written quantity — the whole string must be the quantity — into base units with the
 * interval its written precision and qualifier allow. Null when the string is not one quantity.
 * @example parseQuantity('3400余次') // { value: 3400, unit: '次', low: 3400, high: 3499.99…, qualifier: '余', kind: 'count' }
 * @example parseQuantity('同比下降34%') // { value: -34, unit: '%', low: -34.5, high: -33.5, kind: 'yoy', … }
 */
export function parseQuantity(surface: string): ParsedQuantity | null {
  const text = surface.trim();
  for (let i = 0; i < text.length; i++) {
    const reading = scanQuantity(text, i);
    if (!reading) continue;
    if (reading.baselineStart !== 0 || reading.end !== text.length) return null;
    const { value, unit, low, high, qualifier, kind } = reading;
    return { value, unit, low, high, qualifier, kind };
  }
  return null;
}
