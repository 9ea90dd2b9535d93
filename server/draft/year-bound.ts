/**
 * Sentences of last year's report that are bound to last year and must not be carried into the new
 * year as if they were true of it: the year's role (2016年是“十三五”开局之年, 建党95周年), dated
 * events (5月12日召开…, 2016年3月起…), editions of an event (成功举办第三届…, 第十六届人大代表换届选举),
 * awards (荣获2011-2015年…称号, 被评为…, 入围…评选) and last year named with a one-off event
 * (2016年通过市达标评估验收). Pure.
 */

import { markable, yearBoundSpans } from '../marks/index.ts';
import type { Span } from '../text/index.ts';
import { splitSentences } from '../text/index.ts';

/** Why a sentence is bound to last year. */
export type YearBoundReason = 'role' | 'date' | 'edition' | 'award' | 'event';

/** A sentence to mark: the span of its body (its closing 。!?; left outside the mark). */
export interface YearBoundSentence extends Span {
  reason: YearBoundReason;
}

const numeral = '[0-9\uFF10-\uFF19一二三四五六七八九十百〇零]';
// Clause-internal text: no comma, full stop or semicolon (written as escapes: editors fold them).
const clause = '[^,\uFF0C\u3002;\uFF1B]';

/** The rules in the order a reason is reported; each must hold on reports of any office and year. */
const rules: [YearBoundReason, RegExp][] = [
  ['role', new RegExp(`[\u4E00-\u9FA5]{2}之年|第一年|最后一年|首年|元年|${numeral}+(?:周|週)年`)],
  [
    'date',
    new RegExp(`${numeral}{1,3}月${numeral}{1,3}[日号號]|(?:19|20)[0-9]{2}年${numeral}{1,2}月(?!底|末)`),
  ],
  [
    'edition',
    new RegExp(
      `第${numeral}+[届屆次]${clause}{0,20}?(?:举办|舉辦|举行|舉行|召开|召開|开幕|開幕|闭幕|閉幕|落幕|换届|換屆|选举|選舉)|(?:举办|舉辦|举行|舉行|召开|召開|承办|承辦|主办|主辦)${clause}{0,12}?第${numeral}+[届屆次]`,
    ),
  ],
  [
    'award',
    new RegExp(
      `荣获|榮獲|获评|獲評|被评为|被評為|被授予|被命名为|被命名為|荣膺|榮膺|入围|入圍|入选|入選|授予${clause}{0,20}?(?:称号|稱號|荣誉|榮譽)`,
    ),
  ],
];

/** One-off events that, written right after last year (2016年通过…), date the sentence to it. */
const eventWords =
  /^(?:底前|内|初|末)?(?:顺利|順利|成功|正式)?(?:通过|通過|获得|獲得|成立|揭牌|挂牌|掛牌|启用|啟用|建成|竣工|落成|开业|開業|召开|召開|举办|舉辦|举行|舉行)/;

/** True when the sentence names `fromYear` or the year before right before a one-off event. */
function datedByYear(sentence: string, fromYear: number): boolean {
  for (const year of [fromYear, fromYear - 1]) {
    for (const m of sentence.matchAll(new RegExp(`(?<![0-9\\-])${year}年`, 'g'))) {
      if (eventWords.test(sentence.slice(m.index + m[0].length))) return true;
    }
  }
  return false;
}

/** Why a sentence is bound to last year, or null. */
export function yearBoundReason(sentence: string, fromYear: number): YearBoundReason | null {
  for (const [reason, pattern] of rules) if (pattern.test(sentence)) return reason;
  return datedByYear(sentence, fromYear) ? 'event' : null;
}

/** The body of a sentence span: its final 。!?; outside (a closing quote after it keeps it inside). */
function bodyOf(text: string, span: Span): Span {
  const end = /[\u3002!?\uFF01\uFF1F;\uFF1B]$/.test(text.slice(span.start, span.end))
    ? span.end - 1
    : span.end;
  return { start: span.start, end };
}

/**
 * The sentences of a paragraph of last year's report (`fromYear`) bound to last year, in order.
 * Sentences already inside a 〖上年表述…〗 mark (a draft carried forward again) are left alone.
 * @example yearBoundSentences('2016年是开局之年。全年拆除违法建筑154处。', 2016) // [{ start: 0, end: 9, reason: 'role' }]
 */
export function yearBoundSentences(text: string, fromYear: number): YearBoundSentence[] {
  const marked = yearBoundSpans(text);
  const out: YearBoundSentence[] = [];
  for (const span of splitSentences(text)) {
    if (marked.some((m) => m.start < span.end && span.start < m.end)) continue;
    const body = bodyOf(text, span);
    const sentence = text.slice(body.start, body.end);
    if (!markable(sentence)) continue;
    const reason = yearBoundReason(sentence, fromYear);
    if (reason) out.push({ ...body, reason });
  }
  return out;
}
