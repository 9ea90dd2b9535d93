/**
 * Numbers that are not checkable figures: years and dates, ordinals, names and slogans with
 * numerals (八项规定, “1+6”文件, 十四五), quoted names, thresholds of definitions (90周岁以上老人).
 */
import type { Span } from '../../text/index.ts';
import type { QuantityReading } from '../quantities/index.ts';
import { gapAt } from '../quantities/index.ts';

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

const cn = '[一二三四五六七八九十]+';

/** The text before the second number of a range of ordinals (第9条至, 第三章到). */
const ordinalRangeEnd = /第[0-9一二三四五六七八九十百]+[条款章节项批届次]?(?:至|到|-|—|~|～)$/;

/**
 * What follows the term (届) of a numbered body: its sessions, enumerated or not (三中、四中、五中全会,
 * 六次、七次、八次全会, 历次全会), or the body itself (区委, 人民代表大会).
 */
const termOf = new RegExp(
  `^(?:历次全会|(?:${cn}[中次][、和及])*(?:${cn}中全会|${cn}次(?:全会|全体会议|会议|代表大会))|中央|全国|省委|市委|区委|县委|镇委|党委|党工委|纪委|人大|人民代表大会|政协|党代会|团代会|妇代会|职代会|全会|代表大会|委员会)`,
);

/** What follows a session (次) in a list of sessions (六次、七次、八次全会). */
const sessionOf = new RegExp(`^(?:[、和及]${cn}次)*(?:全会|全体会议)`);

/**
 * 二十届, 十二届, 五次 in 二十届三中全会, 十二届区委五次全会 or 十二届六次、七次全会: the term and
 * session of a body, not a count. N次全会 is always a session; N次会议 only after a term or a body
 * (区人大二届五次会议), since 召开五次会议 counts meetings.
 */
function sessionOrdinal(text: string, reading: QuantityReading): boolean {
  const after = text.slice(reading.end, reading.end + 24);
  if (reading.writtenUnit === '届') return termOf.test(after);
  if (reading.writtenUnit !== '次') return false;
  if (sessionOf.test(after)) return true;
  const before = text.slice(Math.max(0, reading.start - 4), reading.start);
  return /^(?:会议|代表大会)/.test(after) && /(届|区委|市委|县委|人大|政协|党委)$/.test(before);
}

/** Things a programme is made of: 三项补贴, 五个平台, 四大工程, 两张清单 name a set, not a statistic. */
const programmeNouns =
  /^(?:补贴|平台|机制|制度|体系|工程|行动|清单|举措|措施|原则|要求|重点|职能|功能|责任|保障|攻坚|主题|品牌|工作法|服务体系|中心建设|战略|理念|意识|自信)/;

/**
 * Verbs that take a slogan as their object (打造三个高地, 践行四项使命任务, 坚持两个毫不动摇): what
 * follows is a set the slogan names, not what the office did.
 */
const sloganVerbs = /(?:聚焦|践行|打造|贯彻|坚持|围绕|牢记|树牢|增强|坚定|做到|把握|锚定|对标|紧扣|落实)$/;

/**
 * A small count written in Chinese numerals (at most 十) before 项/个/大/张/条/类/种 and a programme
 * noun, or after a verb that takes a slogan: the name of a set of policies (三项补贴, 五个平台,
 * 四大工程, 打造三个高地) that ledgers do not count.
 */
function namedSet(text: string, reading: QuantityReading): boolean {
  const numeral = reading.numeral;
  if (numeral.style.script !== 'chinese' || numeral.value > 10 || reading.upper) return false;
  if (!['项', '个', '张', '条', '类', '种'].includes(reading.writtenUnit) && text[numeral.end] !== '大') {
    return false;
  }
  const end = text[numeral.end] === '大' ? numeral.end + 1 : reading.end;
  if (programmeNouns.test(text.slice(end, end + 6))) return true;
  return sloganVerbs.test(text.slice(Math.max(0, reading.start - 2), reading.start));
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
  // 第五十条, 第 5 条: an ordinal, the space of a web page included.
  const ordinalMark = text[numeral.start - 1 - gapAt(text, numeral.start - 1)];
  if (before === '第' || text[numeral.start - 1] === '第' || ordinalMark === '第') return 'ordinal';
  if (/[A-Za-z+#/]/.test(text[numeral.start - 1] ?? '') || /[A-Za-z+#]/.test(text[numeral.end] ?? '')) {
    return 'code';
  }
  if (numeral.style.script === 'chinese' && numeral.end - numeral.start === 1 && !reading.upper) {
    // 一 and 零 on their own are words (进一步, 之一, 零燃放, 零件), not figures.
    if ('一零〇'.includes(text[numeral.start])) return 'word';
  }
  if (insideSpans(quotes, numeral.start, numeral.end)) return 'quoted-name';
  for (const term of namedTerms) {
    for (let at = Math.max(0, numeral.start - term.length + 1); at <= numeral.start; at++) {
      if (text.startsWith(term, at)) return 'named-term';
    }
  }
  if (sessionOrdinal(text, reading)) return 'ordinal';
  // 第9条至12条: the second end of a range of ordinals is an ordinal too.
  if (ordinalRangeEnd.test(text.slice(Math.max(0, numeral.start - 12), numeral.start))) return 'ordinal';
  const afterNumber = text.slice((reading.upper ?? numeral).end, reading.end + 3);
  // 七人普, 四经普: the census named by its ordinal.
  if (numeral.style.script === 'chinese' && /^[人经农]普/.test(afterNumber)) return 'named-term';
  // 三轮车, 两轮车: a kind of vehicle.
  if (reading.writtenUnit === '轮' && text[reading.end] === '车') return 'named-term';
  if (namedSet(text, reading)) return 'named-set';
  // 三个方面的工作, 两个阶段, 共5部分内容: the numbers that structure a report are not figures.
  if (/^个?(方面|层面|部分|阶段|环节|步骤)/.test(afterNumber)) return 'structure';
  // 平均年龄下降3.2岁 is a change the ledger can state; a bare age bounds a definition (65岁老人).
  if (reading.unit === '岁' && reading.direction === 0) return 'age';
  if (reading.threshold) return 'threshold';
  if (reading.kind === 'duration') {
    const lead = text.slice(Math.max(0, reading.start - 3), reading.start).replace(/了$/, '');
    if (!durationVerbs.some((verb) => lead.endsWith(verb))) return 'time-frame';
  }
  return null;
}
