/** Reading one written number — Arabic (1,032.6 · 1.2万 · full-width digits) or Chinese (一百五十四, 二〇一六). */

/** How a number was written, so a new value can be written the same way (see format.ts). */
/** The style of a plain Chinese numeral (一百五十四): no decimals, grouping or scale word. */
export const chineseStyle: Readonly<NumeralStyle> = {
  script: 'chinese',
  decimals: 0,
  grouped: false,
  scale: '',
  fullWidth: false,
  liang: false,
  digitString: false,
};

export interface NumeralStyle {
  script: 'arabic' | 'chinese';
  /** Digits written after the decimal point (139.76 → 2). */
  decimals: number;
  /** Thousands separators were written (18,735). */
  grouped: boolean;
  /** Multiplier written after the digits: 万 in 1.2万, 亿, 千…; for Chinese numerals the trailing 万/亿. */
  scale: string;
  /** Full-width digits (１５４). */
  fullWidth: boolean;
  /** 两 written for 2 (两个, 两千). */
  liang: boolean;
  /** Chinese digits read one by one (二〇一六), the way years are written. */
  digitString: boolean;
}

/** A number read from text: value, span and the precision its written digits carry. */
export interface Numeral {
  value: number;
  start: number;
  end: number;
  /** Place value of the last written digit: 15.4万 → 1000, 154 → 1. Half of it is the rounding tolerance. */
  step: number;
  /** Place value of the lowest non-zero digit (3400 → 100): what 余/多 count within. */
  place: number;
  style: NumeralStyle;
}

const chineseDigits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const smallUnits: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const bigUnits: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Multipliers written after Arabic digits, longest first. */
const arabicScales: [string, number][] = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** The factor of a written multiplier (万 → 1e4, 千万 → 1e7); 1 for ''. */
export function scaleFactor(scale: string): number {
  const arabic = arabicScales.find(([written]) => written === scale);
  if (arabic) return arabic[1];
  return [...scale].reduce((f, ch) => f * (bigUnits[ch] ?? 1), 1);
}

/** True for a character that can start or continue a Chinese numeral. */
export function isChineseNumeralChar(ch: string): boolean {
  return ch in chineseDigits || ch in smallUnits || ch in bigUnits;
}

/** True for an ASCII or full-width decimal digit. */
export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

function digitValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 0xff10 ? c - 0xff10 : c - 48;
}

/** Largest power of ten that divides an integer value (3400 → 100); `step` for fractions. */
export function lowestPlace(value: number, step: number): number {
  const rounded = Math.round(value);
  if (rounded === 0 || Math.abs(rounded - value) > 1e-9 * Math.max(1, Math.abs(value))) return step;
  let place = 1;
  while (rounded % (place * 10) === 0) place *= 10;
  return Math.max(place, step);
}

/** Rounds away binary noise (0.1 * 3 → 0.3) while keeping every written digit. */
function clean(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/** Spaces a web page puts around Arabic numbers (新增 8 个, 超 5 万人次): one, between two words. */
const gapSpaces = new Set([' ', '\u00a0', '\u3000']);

/** 1 when a lone space stands at `at` between two non-space characters, else 0. */
export function gapAt(text: string, at: number): 0 | 1 {
  return gapSpaces.has(text[at] ?? '') && !/\s/.test(text[at - 1] ?? ' ') && !/\s/.test(text[at + 1] ?? ' ')
    ? 1
    : 0;
}

/** Multiplier suffix after Arabic digits; 千米/千克/百分之 are units or prefixes, not multipliers. */
function readArabicScale(text: string, at: number): [string, number] | null {
  for (const [written, factor] of arabicScales) {
    if (!text.startsWith(written, at)) continue;
    const next = text[at + written.length];
    if (written.endsWith('千') && next !== undefined && '米克瓦卡伏'.includes(next)) continue;
    if (written.endsWith('百') && next !== undefined && '分米'.includes(next)) continue;
    return [written, factor];
  }
  return null;
}

function readArabic(text: string, start: number): Numeral | null {
  let i = start;
  let intDigits = '';
  let grouped = false;
  let fullWidth = false;
  while (isDigit(text[i])) {
    if (text.charCodeAt(i) >= 0xff10) fullWidth = true;
    intDigits += String(digitValue(text[i]));
    i++;
  }
  // Thousands separators only in strict groups of three (18,735): a comma is also the clause separator.
  if (intDigits.length <= 3) {
    let j = i;
    let groups = '';
    while (
      (text[j] === ',' || text[j] === '\uff0c') &&
      isDigit(text[j + 1]) &&
      isDigit(text[j + 2]) &&
      isDigit(text[j + 3])
    ) {
      if (isDigit(text[j + 4])) break;
      groups += String(digitValue(text[j + 1])) + digitValue(text[j + 2]) + digitValue(text[j + 3]);
      j += 4;
    }
    if (groups) {
      intDigits += groups;
      grouped = true;
      i = j;
    }
  }
  let fraction = '';
  if ((text[i] === '.' || text[i] === '\uff0e') && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) {
      fraction += String(digitValue(text[i]));
      i++;
    }
  }
  let value = Number(`${intDigits}${fraction ? `.${fraction}` : ''}`);
  let step = 10 ** -fraction.length;
  let scale = '';
  // 超 5 万人次: 万 or 亿 may stand after a lone space (百 and 千 begin words: 百姓, 千方百计).
  const gap = /[万亿]/.test(text[i + 1] ?? '') ? gapAt(text, i) : 0;
  const scaled = readArabicScale(text, i) ?? (gap ? readArabicScale(text, i + gap) : null);
  if (scaled) {
    if (!text.startsWith(scaled[0], i)) i += gap;
    scale = scaled[0];
    value *= scaled[1];
    step *= scaled[1];
    i += scale.length;
  }
  value = clean(value);
  step = clean(step);
  const style: NumeralStyle = {
    script: 'arabic',
    decimals: fraction.length,
    grouped,
    scale,
    fullWidth,
    liang: false,
    digitString: false,
  };
  return { value, start, end: i, step, place: lowestPlace(value, step), style };
}

/** Value of a run of Chinese numeral characters in positional form (一百五十四, 一亿二千万, 三万五). */
function positional(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 1;
  let sawZero = false;
  for (const ch of run) {
    if (ch in chineseDigits) {
      // Two digits in a row (十四五, 三四个) are a name or a vague range, not a number.
      if (digit > 0) return null;
      digit = chineseDigits[ch];
      if (digit === 0) sawZero = true;
      continue;
    }
    if (ch in smallUnits) {
      const unit = smallUnits[ch];
      const d = digit > 0 ? digit : unit === 10 ? 1 : -1;
      if (d < 0) return null;
      section += d * unit;
      digit = -1;
      lastUnit = unit;
      sawZero = false;
      continue;
    }
    const big = bigUnits[ch];
    if (digit > 0) section += digit;
    if (section === 0 && total === 0) return null;
    if (big === 1e8) total = (total + section) * big;
    else total += section * big;
    section = 0;
    digit = -1;
    lastUnit = big;
    sawZero = false;
  }
  if (digit > 0) {
    // 三万五 / 一千二: a digit right after a unit of 百 or more counts in the next lower place.
    section += !sawZero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  }
  return total + section;
}

function readChinese(text: string, start: number): Numeral | null {
  let i = start;
  let run = '';
  while (i < text.length && isChineseNumeralChar(text[i])) {
    run += text[i];
    i++;
  }
  // A lone unit character is a word (百姓, 千家万户), except 十 (十家 = 10).
  if (run.length === 1 && (run in smallUnits || run in bigUnits) && run !== '十' && run !== '拾') return null;
  const hasUnit = [...run].some((ch) => ch in smallUnits || ch in bigUnits);
  const digitString = !hasUnit && run.length > 1;
  const style: NumeralStyle = { ...chineseStyle, liang: run.includes('两'), digitString };
  const whole = hasUnit ? positional(run) : Number([...run].map((ch) => chineseDigits[ch]).join(''));
  if (whole === null) return null;
  // 三点五万: 点 followed by Chinese digits is a decimal point; a 万/亿 after the fraction scales it.
  if (text[i] === '点' && text[i + 1] in chineseDigits && !/[万萬亿億]$/.test(run)) {
    let fraction = '';
    let j = i + 1;
    while (j < text.length && text[j] in chineseDigits) {
      fraction += String(chineseDigits[text[j]]);
      j++;
    }
    let scale = '';
    while (j < text.length && text[j] in bigUnits) {
      scale += text[j];
      j++;
    }
    const factor = [...scale].reduce((f, ch) => f * bigUnits[ch], 1);
    const value = clean((whole + Number(`0.${fraction}`)) * factor);
    const step = clean(10 ** -fraction.length * factor);
    const fractionStyle = { ...style, decimals: fraction.length, scale, digitString: false };
    return { value, start, end: j, step, place: lowestPlace(value, step), style: fractionStyle };
  }
  if (!hasUnit) return { value: whole, start, end: i, step: 1, place: lowestPlace(whole, 1), style };
  if (whole === 0) return null;
  // Written precision: 十二万 is rounded to the 万; 二千四百 is an exact count.
  const scale = run.match(/[万萬亿億]+$/)?.[0] ?? '';
  const step = scale ? lowestPlace(whole, 1) : 1;
  return { value: whole, start, end: i, step, place: lowestPlace(whole, step), style: { ...style, scale } };
}

/**
 * Reads the number that starts at `start` (Arabic digits or Chinese numerals, with a trailing
 * multiplier such as 万), or null when no number starts there.
 * @example readNumeral('共139.76万元', 1) // { value: 1397600, end: 8, step: 100, place: 100, … }
 */
export function readNumeral(text: string, start: number): Numeral | null {
  const ch = text[start];
  if (ch === undefined) return null;
  if (isDigit(ch)) return readArabic(text, start);
  if (isChineseNumeralChar(ch)) return readChinese(text, start);
  return null;
}
