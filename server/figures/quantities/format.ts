/**
 * Writing numbers: a new value in the written style of an old figure (formatLike, for carrying a
 * report forward), and a plain display of a base-unit value (formatValue, for explanations).
 */
import type { Numeral } from './numeral.ts';
import { lowestPlace, readNumeral, scaleFactor } from './numeral.ts';
import type { QuantityReading } from './quantity.ts';
import { scanQuantity } from './quantity.ts';
import { normalizeUnit } from './units.ts';

const digitsZh = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const smallZh = ['', '十', '百', '千'];
const bigZh = ['', '万', '亿', '万亿'];

/** Writes a section below 10000 (1005 → 一千零五); `leading` drops the 一 of a leading 十. */
function sectionZh(n: number, leading: boolean, liang: boolean): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const isTop = out === '';
    let digit = digitsZh[d];
    if (d === 2 && liang && isTop && p >= 2) digit = '两';
    out += d === 1 && p === 1 && isTop && leading ? '' : digit;
    out += smallZh[p];
  }
  return out;
}

/**
 * Writes a non-negative integer in Chinese numerals: 154 → 一百五十四, 2400 → 二千四百, 10 → 十.
 * With `liang`, a leading 2 before 百/千/万 is written 两 (两千), and 2 alone is 两.
 */
export function toChineseNumeral(n: number, liang = false): string {
  const value = Math.round(Math.abs(n));
  if (value === 0) return '零';
  if (value === 2 && liang) return '两';
  const sections: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1e4)) sections.push(rest % 1e4);
  let out = '';
  let pendingZero = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    if (section === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (out && (pendingZero || section < 1000)) out += '零';
    pendingZero = false;
    out += sectionZh(section, out === '', liang && out === '') + bigZh[i];
  }
  return out;
}

function groupThousands(digits: string): string {
  const [whole, fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9.%]/g, (ch) =>
    ch === '.' ? '\uff0e' : ch === '%' ? '％' : String.fromCharCode(ch.charCodeAt(0) - 48 + 0xff10),
  );
}

/** Writes a number (in written units) the way `numeral` was written: script, decimals, grouping, scale. */
function writeLike(written: number, numeral: Numeral): string {
  const style = numeral.style;
  if (style.script === 'chinese') {
    if (style.decimals > 0 || !Number.isInteger(Math.round(written * 1e9) / 1e9)) {
      const fixed = written.toFixed(style.decimals);
      const [whole, fraction] = fixed.split('.');
      const wholeZh = toChineseNumeral(Number(whole), style.liang);
      return fraction ? `${wholeZh}点${[...fraction].map((d) => digitsZh[Number(d)]).join('')}` : wholeZh;
    }
    if (style.digitString) {
      return [...String(Math.round(written))].map((d) => (d === '0' ? '〇' : digitsZh[Number(d)])).join('');
    }
    return toChineseNumeral(written, style.liang);
  }
  const scaled = written / scaleFactor(style.scale);
  let digits = scaled.toFixed(style.decimals);
  if (style.grouped) digits = groupThousands(digits);
  if (style.fullWidth) digits = toFullWidth(digits);
  return digits + style.scale;
}

/** Rounds to a multiple of `place` in the given direction, cleaning float noise. */
function roundTo(value: number, place: number, how: 'floor' | 'ceil' | 'round'): number {
  const q = value / place;
  const n = Math.abs(q - Math.round(q)) < 1e-9 ? Math.round(q) : Math[how](q);
  return Number.parseFloat((n * place).toPrecision(12));
}

const opposite: Record<string, string> = {
  增长: '下降',
  增加: '减少',
  上升: '下降',
  提高: '降低',
  提升: '下降',
  增多: '减少',
  上涨: '下降',
  增幅: '降幅',
  涨幅: '跌幅',
  下降: '增长',
  减少: '增加',
  降低: '提高',
  回落: '上升',
  下滑: '上升',
  减小: '增加',
  缩减: '增加',
  降幅: '增幅',
  跌幅: '涨幅',
};

/** The first quantity written in a surface. */
function firstReading(surface: string): QuantityReading | null {
  for (let i = 0; i < surface.length; i++) {
    const reading = scanQuantity(surface, i);
    if (reading) return reading;
  }
  return null;
}

/** 全区第一 → 全区第三: ranks keep their script. */
function formatRank(value: number, example: string): string | null {
  const m = example.match(/第([0-9一二三四五六七八九十两]+)/);
  if (!m || m.index === undefined) return null;
  const numeral = readNumeral(example, m.index + 1);
  if (!numeral) return null;
  const start = m.index + 1;
  return example.slice(0, start) + writeLike(Math.round(value), numeral) + example.slice(numeral.end);
}

/**
 * Writes `value` (base units, signed for changes) in the written style of `exampleSurface`: its
 * 万/亿 scale, decimals, thousands commas, Chinese numerals, unit and qualifiers. 余/多 are recomputed
 * honestly (floored at the example's place, dropped when the value is exact), 超过/不到 likewise, and
 * a change's direction word flips with the sign.
 * @example formatLike(3650, '3400余次') // '3600余次'
 * @example formatLike(1523400, '139.76万元') // '152.34万元'
 * @example formatLike(12, '同比下降34%') // '同比增长12%'
 */
export function formatLike(value: number, exampleSurface: string): string {
  const reading = firstReading(exampleSurface);
  if (!reading) return formatRank(value, exampleSurface) ?? formatValue(value, '');
  const example = exampleSurface;
  const numeral = reading.numeral;
  const numberEnd = reading.upper ? reading.upper.end : numeral.end;
  let before = example.slice(0, numeral.start);
  let after = example.slice(numberEnd);

  if (reading.direction !== 0) {
    const at = before.lastIndexOf(reading.directionWord);
    if (value === 0 && at >= 0) return `${example.slice(0, at)}持平${example.slice(reading.end)}`;
    const sign = value < 0 ? -1 : 1;
    if (sign !== reading.direction && at >= 0) {
      const flipped = opposite[reading.directionWord] ?? reading.directionWord;
      before = before.slice(0, at) + flipped + before.slice(at + reading.directionWord.length);
    }
  }
  const info = reading.writtenUnit ? normalizeUnit(reading.writtenUnit) : null;
  let factor = info?.factor ?? 1;
  if (reading.direction !== 0 && reading.writtenUnit === '倍') factor = 100;
  if (reading.percentForm === '成') factor = 10;
  if (reading.percentForm === '分之') {
    const rounded = Math.abs(value).toFixed(1).replace(/\.0$/, '');
    return `${before}${rounded}%${example.slice(reading.end)}`;
  }
  const written = Math.abs(value) / factor;

  // Qualifiers decide the rounding: 余/超过 floor, 不到/以内 ceil, 约 rounds at the example's place.
  const q = reading.qualifier;
  const place = numeral.place;
  const step = numeral.step;
  let number: number;
  let keepWithin = true;
  let keepPrefix = true;
  if (/[余多]/.test(q)) {
    // 3400余 with 3060: 3000余 would read as 3000 to 4000, so floor at a finer place (3060).
    let p = place;
    number = roundTo(written, p, 'floor');
    while (p > step && number > 0 && lowestPlace(number, step) > p) {
      p /= 10;
      number = roundTo(written, p, 'floor');
    }
    keepWithin = Math.abs(number - written) > 1e-9 * Math.max(1, written);
  } else if (/超过|逾|超|高于|多于/.test(q)) {
    number = roundTo(written, place, 'floor');
    keepPrefix = number < written;
  } else if (/以上|不少于|不低于|至少/.test(q)) {
    number = roundTo(written, place, 'floor');
  } else if (/不到|不足|少于|低于/.test(q)) {
    number = roundTo(written, place, 'ceil');
    keepPrefix = number > written;
  } else if (/以下|以内|不超过|最多/.test(q)) {
    number = roundTo(written, place, 'ceil');
  } else if (/约|近|左右/.test(q)) {
    // 约3000 may stand for 3300 only if rounding stays within what 约 allows; else round finer.
    let p = Math.max(place, step);
    number = roundTo(written, p, 'round');
    while (Math.abs(number - written) > 0.05 * written && p > step) {
      p /= 10;
      number = roundTo(written, p, 'round');
    }
  } else {
    number = roundTo(written, step, 'round');
  }
  if (!keepWithin) after = after.replace(/^[余多]/, '');
  // A rate or change rounded to a coarser place than its value needs keeps one decimal (1.5个百分点, not 2).
  let style = numeral;
  const percentLike = reading.unit === '%' || reading.unit === '个百分点';
  if (
    percentLike &&
    numeral.style.script === 'arabic' &&
    numeral.style.decimals === 0 &&
    number !== written
  ) {
    const oneDecimal = roundTo(written, 0.1, 'round');
    if (oneDecimal !== number) {
      number = oneDecimal;
      style = { ...numeral, style: { ...numeral.style, decimals: 1 } };
    }
  }
  if (!keepPrefix) {
    const prefix = q.match(/^(超过|逾|超|高于|多于|不到|不足|少于|低于)/)?.[0];
    if (prefix && before.endsWith(prefix)) before = before.slice(0, -prefix.length);
  }
  return before + writeLike(number, style) + after;
}

/**
 * Writes a base-unit value for people: amounts of 10,000 元 or more in 万元 (1397600 → 139.76万元),
 * areas in 万平方米 from 100,000 up, counts of 10,000 or more in 万 when they are round to the hundred
 * (42600 人次 → 4.26万人次, as writers put them), percentages and other counts as they are.
 * @example formatValue(1397600, '元') // '139.76万元'
 */
export function formatValue(value: number, unit: string): string {
  const trim = (n: number, decimals: number): string => {
    const fixed = n.toFixed(decimals);
    return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  };
  if (!Number.isFinite(value)) return String(value);
  if (unit === '元' && Math.abs(value) >= 1e8) return `${trim(value / 1e8, 4)}亿元`;
  if (unit === '元' && Math.abs(value) >= 1e4) return `${trim(value / 1e4, 2)}万元`;
  if (unit === '平方米' && Math.abs(value) >= 1e5) return `${trim(value / 1e4, 2)}万平方米`;
  if (unit === '个百分点') return `${trim(value, 2)}个百分点`;
  const count = normalizeUnit(unit)?.kind === 'count';
  if (count && Math.abs(value) >= 1e4 && Number.isInteger(value) && value % 100 === 0) {
    return `${trim(value / 1e4, 2)}万${unit}`;
  }
  return `${trim(value, 2)}${unit}`;
}
