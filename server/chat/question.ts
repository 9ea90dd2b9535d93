/**
 * Question understanding: years, office, topic, whether a figure is asked for, which kind
 * (level, change, rank), comparisons across years and "when" questions. Pure; no I/O.
 */

import { countWords, normalizeUnit, writtenUnits } from '../figures/index.ts';
import { orgKeys } from '../report/index.ts';
import { searchTerms } from '../retrieve/index.ts';
import type { Span } from '../text/index.ts';
import type { AskedAspect, ChatFilters, Understanding } from './types.ts';
import { readYears } from './years.ts';

/** What understanding needs to know about the corpus. */
export interface QuestionContext {
  /** The latest year in the corpus (reports and ledger): 今年 and 去年 count from it. */
  latestYear: number | null;
  /** Offices of the stored reports (甘泉路街道). */
  orgs: readonly string[];
  filters?: ChatFilters;
}

const whenPattern = /哪一年度?|哪年|哪个年度|什么时候|什么时间|何时|几时|哪一天/g;
const rankPattern = /排名|名次|第几|排第|排在|位列/;
const numericPattern =
  /多少|多大|多高|多长|多久|(?<!哪)几(?!乎)|比例|比率|百分之几|百分比|占比|比重|(?:完成|结案|安置|电子化|增长|覆盖|达标|参与|满意|就业|入住)率|排名|名次|第几|金额|总额|数量|人次|增幅|降幅|增速|增长了|减少了|下降了|多了|少了/;
const changePattern =
  /增长|增加|减少|下降|上升|降低|提高|变化|增幅|降幅|增速|多了|少了|相比|对比|比较|同比|环比|差距|差别/;
/** Words that ask for a figure or a comparison but name nothing: removed from the topic. */
const askWords = [
  '百分之几',
  '增长了',
  '增加了',
  '减少了',
  '下降了',
  '提高了',
  '降低了',
  '上升了',
  '增长率',
  '多了',
  '少了',
  '相比',
  '对比',
  '比较',
  '变化',
  '增幅',
  '降幅',
  '增速',
  '幅度',
  '增长',
  '增加',
  '减少',
  '下降',
  '提高',
  '降低',
  '上升',
  '分别',
  '一共',
  '总共',
  '共计',
  '大约',
  '大概',
  '具体',
  '到底',
  '情况',
  '一下',
  '多大',
  '多高',
  '多长',
  '多久',
  '第几',
  '排第',
  '排在',
];
const askPattern = new RegExp(askWords.join('|'), 'g');
/** 五违四必具体指什么? 是什么意思? — the question asks what a term means. */
const definitionPattern = /指什么|指的是|是指|什么意思|的意思|含义|什么是|是什么/;
/** What is left of a definition question after the question words go: 五违四必指 → 五违四必. */
const definitionTail = /(?:具体)?(?:指的是|是指|指|的意思|意思|的含义|含义)$/;

/** 那2015年呢? 还有面积呢? — a turn that leans on the previous one. */
const leadPattern = /^(?:那么|那|还有|另外|再问一下|再问|接着问)/;

/** Measure words a question can name after 多少/几, longest first. */
const askUnits = [...new Set([...writtenUnits, ...countWords, '钱'])].sort((a, b) => b.length - a.length);
const unitAfterAsk = new RegExp(`(?:多少|(?<!哪)几)(${askUnits.map(escapeRegExp).join('|')})`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Offices a question may name: 长征镇, 甘泉路街道 (not 全区各街镇, 城镇). */
const orgPattern = /([\p{Script=Han}]{2,10}?(?:街道办事处|街道|镇|乡))/gu;
const notOrgPrefix =
  /^(?:请问|我们|咱们|那么|那|这个|那个|哪个|各个|全区各|全区|全市|各|本|该|全|在|的|了|年|和|与)+/u;
const notOrg = /^(?:街镇|乡镇|城镇|城乡|村镇|集镇)$|街镇$|乡镇$|城镇$/u;

/**
 * The names a question may use for an office: its name, the short name of the same office
 * (上海市杨浦区人民政府殷行街道办事处 → 殷行街道, by the report module's rule), and each without its
 * ending (甘泉路街道 → 甘泉路, 甘泉).
 */
export function orgAliases(org: string): string[] {
  const out: string[] = [];
  for (const name of [org, ...orgKeys(org)]) {
    const stem = name.replace(/(?:街道办事处|街道|镇|乡)$/u, '');
    const short = stem.replace(/[路街]$/u, '');
    for (const alias of [name, stem, short]) if (alias.length >= 2 && !out.includes(alias)) out.push(alias);
  }
  return out;
}

interface OrgReading {
  org: string | null;
  unknown: boolean;
  spans: Span[];
  /** Every known office the question names, in the order of `orgs`. */
  named: string[];
}

/** Every office at once: 各街道, 各个镇, 所有街镇, 全部单位, 每个街道 (and 分别/各自, which only spread the ask). */
const allOffices =
  /(?:各个?|所有|全部|每个|全区各)(?:街道办事处|街道|镇街|街镇|乡镇|镇|乡|单位|部门)(?:的)?|分别|各自/gu;

function readOrg(question: string, orgs: readonly string[]): OrgReading {
  const spans: Span[] = [];
  const named: string[] = [];
  for (const known of orgs) {
    for (const alias of orgAliases(known)) {
      const at = question.indexOf(alias);
      if (at < 0) continue;
      named.push(known);
      spans.push({ start: at, end: at + alias.length });
      break;
    }
  }
  if (named.length > 0) return { org: named[0], unknown: false, spans, named };
  for (const m of question.matchAll(orgPattern)) {
    const name = m[1].replace(notOrgPrefix, '');
    if (name.length < 3 || notOrg.test(name)) continue;
    const start = (m.index ?? 0) + m[1].length - name.length;
    spans.push({ start, end: start + name.length });
    // Only a corpus that names its offices can tell that an office is not in it.
    return { org: name, unknown: orgs.length > 0, spans, named };
  }
  return { org: null, unknown: false, spans, named };
}

/** Offices the question compares: two or more it names, or all of them (各街道…); null otherwise. */
function readOffices(question: string, named: string[]): { offices: string[] | 'all' | null; spans: Span[] } {
  const spans = [...question.matchAll(allOffices)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const all = spans.some((s) => !/^(?:分别|各自)$/.test(question.slice(s.start, s.end)));
  return { offices: named.length > 1 ? named : all ? 'all' : null, spans };
}

/** The question with spans blanked out (kept as spaces so words on either side stay apart). */
function blank(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** The canonical unit named right after 多少/几 (多少处 → 处, 多少钱 → 元), and its span. */
function readUnit(question: string): { unit: string | null; span: Span | null } {
  const m = unitAfterAsk.exec(question);
  if (!m || m.index === undefined) return { unit: null, span: null };
  const written = m[1] === '钱' ? '元' : m[1];
  const info = normalizeUnit(written);
  const start = m.index + m[0].length - m[1].length;
  return { unit: info?.unit ?? null, span: { start, end: start + m[1].length } };
}

/**
 * The topic of a question: what is left after years, office, units and question words go.
 * @example topicOf('2016年拆除了多少违法建筑?', []) // '拆除违法建筑'
 */
export function topicOf(question: string, spans: Span[]): string {
  const rest = blank(question, spans)
    .trim()
    .replace(leadPattern, ' ')
    .replace(whenPattern, ' ')
    .replace(askPattern, ' ')
    // 比2016年 with the year blanked: the comparison word is left alone before the gap.
    .replace(/(?:对比|比|较|与|和|跟|同)(?=\s)/g, ' ')
    .replace(/[是有为了共都]?(?:多少|(?<!哪)几)/g, ' ')
    .replace(/[呢吗吧啊]+(?=[\s\p{P}]|$)/gu, ' ');
  // searchTerms falls back to the whole text when nothing is left; a turn like 那2015年呢? has no topic.
  if (!/[\p{Script=Han}\p{L}\p{N}]/u.test(rest)) return '';
  return searchTerms(rest)
    .split(/\s+/)
    .map((word) => word.replace(/^的+|[的了]+$/g, ''))
    .join('')
    .replace(definitionTail, '')
    .trim();
}

/**
 * Understands one question on its own (follow-ups are resolved afterwards, see followup.ts).
 * @example understand('2017年比2016年拆除违法建筑少了多少?', { latestYear: 2017, orgs: [] })
 * // { years: [2016, 2017], topic: '拆除违法建筑', numeric: true, compare: true, … }
 */
export function understand(asked: string, context: QuestionContext): Understanding {
  const question = asked.trim();
  const years = readYears(question, context.latestYear);
  const org = readOrg(question, context.orgs);
  const offices = readOffices(question, org.named);
  const unit = readUnit(question);
  const asksWhen = new RegExp(whenPattern.source).test(question);
  const plain = blank(question, years.spans).replace(whenPattern, ' ');
  const changeAsked = changePattern.test(plain) || years.previousYear;
  let yearList = years.years;
  let yearsFrom = years.from;
  // 2017年同比 / 2017年增长了百分之几: compared with the year before.
  if (changeAsked && yearList.length === 1 && (years.previousYear || !years.versus)) {
    yearList = [yearList[0] - 1, yearList[0]];
  }
  const filters = context.filters ?? {};
  if (yearList.length === 0 && filters.year !== undefined) {
    yearList = [filters.year];
    yearsFrom = 'filter';
  }
  // One year with 比/较 (比2016年少了多少?) is the base of a comparison with the year asked about.
  const compare = changeAsked && (yearList.length !== 1 || years.previousYear || years.versus);
  const aspect: AskedAspect = rankPattern.test(plain) ? 'rank' : compare ? 'change' : 'level';
  const spans = [...years.spans, ...org.spans, ...offices.spans, ...(unit.span ? [unit.span] : [])];
  return {
    asked,
    question,
    years: yearList,
    yearsFrom: yearList.length > 0 ? yearsFrom : null,
    yearNote: years.note,
    org: offices.offices ? null : (org.org ?? filters.org ?? null),
    offices: offices.offices,
    orgUnknown:
      org.unknown || (org.org === null && filters.org !== undefined && !context.orgs.includes(filters.org)),
    topic: topicOf(question, spans),
    numeric: !asksWhen && (numericPattern.test(plain) || unit.unit !== null || compare),
    unit: unit.unit,
    aspect,
    compare,
    asksWhen,
    asksDefinition: definitionPattern.test(plain),
    followUp: false,
    part: filters.part ?? null,
  };
}

/** True when a turn leans on the previous one: 那2015年呢?, 面积呢?, or no topic of its own. */
export function isElliptical(u: Understanding): boolean {
  if (u.topic.length === 0) return true;
  const leans = leadPattern.test(u.question) || /呢[?\uFF1F。.!\uFF01]*$/.test(u.question);
  return leans && u.topic.length <= 6;
}
