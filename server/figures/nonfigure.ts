/**
 * Numbers that are not checkable figures: years and dates, ordinals, names and slogans with
 * numerals (八项规定, “1+6”文件, 十四五), quoted names, thresholds of definitions (90周岁以上老人).
 */
import type { Span } from '../report/types.ts';
import type { QuantityReading } from './quantity.ts';

/** Fixed expressions whose numerals name something rather than count it. */
const namedTerms = [
  '八项规定',
  '三公',
  '十四五',
  '十三五',
  '十二五',
  '十一五',
  '十五五',
  '两学一做',
  '一岗双责',
  '五违四必',
  '三好管理法',
  '两代表一委员',
  '三会一课',
  '四个意识',
  '四个自信',
  '两个维护',
  '两个确立',
  '四个全面',
  '五位一体',
  '三严三实',
  '三重一大',
  '四议两公开',
  '一网通办',
  '一网统管',
  '一带一路',
  '两新组织',
  '两个责任',
  '两个覆盖',
  '两个一百年',
  '三个代表',
  '三大攻坚战',
  '六稳六保',
  '四好农村路',
  '五水共治',
  '三改一拆',
  '三供一业',
  '二次供水',
  '二次装修',
  '二次污染',
  '二次开发',
  '二次分配',
  '二次创业',
  '一次性',
  '一站式',
  '一体化',
  '一把手',
  '五一节',
  '六一节',
  '三八节',
  '五四青年节',
  '五一劳动节',
  '十一国庆',
  '国庆十一',
  '十件实事',
  '24小时',
  '百件实事',
];

/** Words before N年 / N个月 that make it a duration claim (连续七年) rather than a time frame (近三年来). */
const durationVerbs = ['连续', '历时', '用时', '持续', '坚持', '累计', '已经', '已'];

const quotePairs: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '‘': '’' };

/** Longest quoted span that still reads as a name; longer quotations may hold real figures. */
const maxNameLength = 30;

/**
 * Spans of short quoted names in a text (“两学一做”, 《社区民情记录册》, "1+6"), sorted by start.
 * Only quotes that close within the same line and within 30 characters count.
 */
export function quotedNames(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[“《「『‘"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m[0];
    const close = open === '"' ? '"' : quotePairs[open];
    const end = text.indexOf(close, m.index + 1);
    if (end < 0) continue;
    const inner = text.slice(m.index + 1, end);
    if (inner.length <= maxNameLength && !inner.includes('\n')) {
      spans.push({ start: m.index, end: end + 1 });
      // A straight quote closes itself: continue after it so the closing mark is not read as an opening.
      if (open === '"') re.lastIndex = end + 1;
    }
  }
  return spans;
}

/** True when [start, end) lies inside one of the sorted spans. */
export function insideSpans(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (span.end <= start) lo = mid + 1;
    else if (span.start > start) hi = mid - 1;
    else return end <= span.end;
  }
  return false;
}

function isYearNumber(reading: QuantityReading['numeral'] | null): boolean {
  if (!reading) return true;
  const { style, value } = reading;
  if (style.digitString) return true;
  return (
    style.script === 'arabic' &&
    !style.grouped &&
    style.decimals === 0 &&
    !style.scale &&
    value >= 1900 &&
    value <= 2100
  );
}

/** Why a quantity read at its position is not a checkable figure, or null when it is one. */
export function nonFigureReason(
  text: string,
  reading: QuantityReading,
  quotes: readonly Span[],
): string | null {
  const numeral = reading.numeral;
  if (!reading.unit) return 'no-unit';
  if (
    reading.unit === '年' &&
    reading.writtenUnit === '年' &&
    isYearNumber(numeral) &&
    isYearNumber(reading.upper)
  ) {
    return 'year';
  }
  const before = text[reading.start - 1] ?? '';
  if (before === '第' || text[numeral.start - 1] === '第') return 'ordinal';
  if (/[A-Za-z+#/]/.test(text[numeral.start - 1] ?? '') || /[A-Za-z+#]/.test(text[numeral.end] ?? '')) {
    return 'code';
  }
  if (numeral.style.script === 'chinese' && numeral.end - numeral.start === 1 && !reading.upper) {
    // 一 and 零 on their own are words (进一步, 之一, 零燃放, 零件), not figures.
    if ('一壹零〇'.includes(text[numeral.start])) return 'word';
  }
  if (insideSpans(quotes, numeral.start, numeral.end)) return 'quoted-name';
  for (const term of namedTerms) {
    for (let at = Math.max(0, numeral.start - term.length + 1); at <= numeral.start; at++) {
      if (text.startsWith(term, at)) return 'named-term';
    }
  }
  // 三个方面的工作, 两个阶段: the numbers that structure a report are not figures.
  if (/^(方面|层面|部分|阶段|环节|步骤)/.test(text.slice(reading.end, reading.end + 2))) return 'structure';
  if (reading.unit === '岁') return 'age';
  if (reading.threshold) return 'threshold';
  if (reading.kind === 'duration') {
    const lead = text.slice(Math.max(0, reading.start - 3), reading.start).replace(/了$/, '');
    if (!durationVerbs.some((verb) => lead.endsWith(verb))) return 'time-frame';
  }
  return null;
}
