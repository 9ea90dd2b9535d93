/**
 * Chinese quantities: a number with its unit, qualifiers (余, 约, 超过, 以上…), percent forms
 * (34%, 百分之三十四, 三分之二, 八成, 0.5个百分点), ranges (15-20人) and direction words that make it a
 * change (同比下降34%, 比上年增加120人) — read into a value in base units and the interval of true
 * values its written form allows.
 */

import type { ClaimKind, Quantity } from '../types.ts';
import type { ChangeWords } from './change-words.ts';
import { changeWordsBefore } from './change-words.ts';
import type { Numeral } from './numeral.ts';
import { chineseStyle, gapAt, readNumeral, scaleFactor } from './numeral.ts';
import type { Bound } from './qualifiers.ts';
import { interval, prefixQualifierBefore, roundQualifiers, suffixQualifiers } from './qualifiers.ts';
import { normalizeUnit, readUnit } from './units.ts';
import { wordEndingAt } from './word-at.ts';

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

const rangeDashes = new Set(['-', '~', '～', '—', '–', '－', '至', '到']);

/** Characters after 成 that make it part of a word (成立, 成为, 成功…), not 八成 = 80%. */
const chengWordTails = new Set([...'立为功果效绩员本交熟长型就都片批年了']);

const minusSigns = new Set(['-', '－', '−']);

/** Reads the second number of a range (15-20, 十五至二十) if one follows. */
function readRange(text: string, first: Numeral): Numeral | null {
  const dash = text[first.end];
  if (dash === undefined || !rangeDashes.has(dash)) return null;
  const second = readNumeral(text, first.end + 1);
  if (!second || second.style.script !== first.style.script || second.value <= first.value / 1e4) return null;
  return second;
}

/** The 百 of 百分之百 as a numeral (100, exact). */
function hundred(start: number): Numeral {
  return { value: 100, start, end: start + 1, step: 1, place: 100, style: chineseStyle };
}

/** 万余人, 近万人, 百余户: a lone 万/千/百 with 余/多 after it or 近/逾 before it is a round number. */
function roundNumber(text: string, at: number): Numeral | null {
  const value = ({ 百: 100, 千: 1000, 万: 1e4 } as Record<string, number>)[text[at]];
  if (value === undefined) return null;
  const qualified =
    text[at + 1] === '余' || text[at + 1] === '多' || wordEndingAt(text, at, roundQualifiers) !== null;
  if (!qualified) return null;
  return { value, start: at, end: at + 1, step: value, place: value, style: chineseStyle };
}

/** What is read from the number onwards (fraction, range, 余, unit, 以上), step by step. */
interface Tail {
  value: number;
  step: number;
  place: number;
  end: number;
  upper: Numeral | null;
  writtenUnit: string;
  percentForm: QuantityReading['percentForm'];
  /** Qualifiers as written, in reading order. */
  written: string[];
  bounds: Bound[];
  threshold: boolean;
}

/** 三分之二: the number was a denominator; the value becomes a percent. */
function readFraction(text: string, numeral: Numeral, t: Tail): void {
  if (t.percentForm !== '' || !text.startsWith('分之', t.end)) return;
  const numerator = readNumeral(text, t.end + 2);
  if (!numerator || numeral.value <= 0) return;
  t.percentForm = '分之';
  t.value = (numerator.value / numeral.value) * 100;
  t.step = 1;
  t.place = 1;
  t.end = numerator.end;
}

/** 15-20人, 3-5万元: the second number of a range right after the first. */
function readUpper(text: string, numeral: Numeral, t: Tail): void {
  if (t.percentForm === '分之') return;
  t.upper = readRange(text, numeral);
  if (!t.upper) return;
  // 3-5万元: the multiplier written once applies to both ends.
  if (t.upper.style.scale && !numeral.style.scale && numeral.style.script === 'arabic') {
    const factor = scaleFactor(t.upper.style.scale);
    t.value = numeral.value * factor;
    t.step = numeral.step * factor;
  }
  t.end = t.upper.end;
}

/** 3400余, 3000 余人次: 余/多 after the number (a lone space may stand before it or the unit). */
function readWithin(text: string, numeral: Numeral, t: Tail): void {
  const gap = t.percentForm === '' && numeral.style.script === 'arabic' ? gapAt(text, t.end) : 0;
  if (gap && (/[余多%％]/.test(text[t.end + 1]) || readUnit(text, t.end + 1))) t.end += gap;
  if (text[t.end] === '余' || (text[t.end] === '多' && t.percentForm === '')) {
    t.written.push(text[t.end]);
    t.bounds.push('within');
    t.end++;
  }
}

/** The unit, or 成 (八成 = 80%), or the % that 百分之/分之 already implied. */
function readWrittenUnit(text: string, t: Tail): void {
  if (t.percentForm === '百分之' || t.percentForm === '分之') {
    t.writtenUnit = '%';
  } else if (text[t.end] === '成' && !chengWordTails.has(text[t.end + 1]) && t.value <= 10 && !t.upper) {
    t.percentForm = '成';
    t.writtenUnit = '%';
    t.value *= 10;
    t.step *= 10;
    t.place *= 10;
    t.end++;
  } else {
    const unit = readUnit(text, t.end);
    if (unit) {
      t.writtenUnit = unit;
      t.end += unit.length;
    }
  }
}

/** 10%-15%: a range whose unit is written after both ends. */
function readUnitRange(text: string, numeral: Numeral, t: Tail): void {
  if (t.upper || !t.writtenUnit || !rangeDashes.has(text[t.end])) return;
  const second = readNumeral(text, t.end + 1);
  if (
    second &&
    second.style.script === numeral.style.script &&
    text.startsWith(t.writtenUnit, second.end) &&
    second.value > t.value
  ) {
    t.upper = second;
    t.end = second.end + t.writtenUnit.length;
  }
}

/** 以上, 左右 after the unit; a bound followed by a noun defines a class (90周岁以上老人). */
function readSuffix(text: string, t: Tail, prefixBound: Bound | null): void {
  const suffix = suffixQualifiers.find(([w]) => text.startsWith(w, t.end));
  if (suffix) {
    t.written.push(suffix[0]);
    t.bounds.push(suffix[1]);
    t.end += suffix[0].length;
    if (suffix[1] === 'atLeast' || suffix[1] === 'atMost') {
      t.threshold = /\p{Script=Han}/u.test(text[t.end] ?? '');
    }
  }
  // 超过100万元的村: a bound written before the number and followed by 的 and a noun defines a class.
  if (!suffix && text[t.end] === '的' && (prefixBound === 'more' || prefixBound === 'atLeast')) {
    t.threshold = /\p{Script=Han}/u.test(text[t.end + 1] ?? '');
  }
}

/** The reading in base units with its interval and sign, from what was read around the number. */
function toReading(numeral: Numeral, change: ChangeWords, t: Tail, negative: boolean): QuantityReading {
  // Units into base units; 倍 after a direction word is a percentage change (增长1.5倍 = +150%).
  let unit = '';
  let kind: ClaimKind = 'count';
  let factor = 1;
  const info = t.writtenUnit ? normalizeUnit(t.writtenUnit) : null;
  if (info) {
    unit = info.unit;
    kind = info.kind;
    factor = info.factor;
  }
  if (change.direction !== 0 || change.baseline) {
    if (unit === '倍') {
      unit = '%';
      factor = 100;
    }
    kind = unit === '%' ? 'yoy' : unit === '个百分点' ? 'pp' : 'delta';
  }
  const upperValue = t.upper ? t.upper.value * factor : null;
  const base = t.value * factor;
  const [lowMag, highMag] = interval(base, t.step * factor, t.place * factor, t.bounds, upperValue);
  const magnitude = upperValue !== null ? (base + upperValue) / 2 : base;
  const sign = (change.direction === -1 ? -1 : 1) * (negative ? -1 : 1);
  return {
    value: clean(sign * magnitude),
    unit,
    low: sign === 1 ? lowMag : -highMag,
    high: sign === 1 ? highMag : -lowMag,
    qualifier: t.written.join(''),
    kind,
    start: change.start,
    end: t.end,
    baselineStart: change.baselineStart,
    numeral,
    upper: t.upper,
    writtenUnit: t.writtenUnit,
    direction: change.direction,
    directionWord: change.directionWord,
    baseline: change.baseline,
    percentForm: t.percentForm,
    threshold: t.threshold,
  };
}

/**
 * Reads the quantity whose number starts at `at` (a digit, a Chinese numeral, or 百分之), looking
 * back for qualifiers and direction words and forward for range, 余/多, unit and 以上/左右.
 * Returns null when no number starts at `at`.
 * @example scanQuantity('信访量同比下降34%。', 7) // { value: -34, unit: '%', kind: 'yoy', start: 5, … }
 */
export function scanQuantity(text: string, at: number): QuantityReading | null {
  const percent = text.startsWith('百分之', at);
  const numberStart = percent ? at + 3 : at;
  // 百分之百: a lone 百 is no numeral anywhere else.
  const numeral = text.startsWith('百分之百', at)
    ? hundred(at + 3)
    : (readNumeral(text, numberStart) ?? roundNumber(text, numberStart));
  if (!numeral) return null;
  // A minus sign written before the number (同比分别-3.5%、-12.8%), not the dash of a range (15-20).
  const negative = minusSigns.has(text[at - 1] ?? '') && !/[0-9A-Za-z０-９]/.test(text[at - 2] ?? '');
  // Before the number: qualifier (约, 超过, 达), then direction word (下降, 增幅为), then baseline (同比).
  const signed = negative ? at - 1 : at;
  const qualifier = prefixQualifierBefore(text, signed);
  const change = changeWordsBefore(text, qualifier?.start ?? signed, qualifier !== null, negative);
  const tail: Tail = {
    value: numeral.value,
    step: numeral.step,
    place: numeral.place,
    end: numeral.end,
    upper: null,
    writtenUnit: '',
    percentForm: percent ? '百分之' : '',
    written: qualifier ? [qualifier.word] : [],
    bounds: qualifier ? [qualifier.bound] : [],
    threshold: false,
  };
  readFraction(text, numeral, tail);
  readUpper(text, numeral, tail);
  readWithin(text, numeral, tail);
  readWrittenUnit(text, tail);
  readUnitRange(text, numeral, tail);
  readSuffix(text, tail, qualifier?.bound ?? null);
  return toReading(numeral, change, tail, negative);
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
