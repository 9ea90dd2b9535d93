/**
 * Follow-ups: a turn such as 那2015年呢? or 面积呢? takes what it does not say (topic, years,
 * office, kind of figure) from the previous question, already resolved. Pure.
 */

import { isElliptical } from './question.ts';
import type { Understanding } from './types.ts';

/** Words that narrow the previous topic rather than replace it: 拆除违法建筑 + 面积. */
const narrowing =
  /^(?:面积|金额|资金|人数|人次|户数|处数|件数|次数|场次|个数|数量|比例|完成率|结案率|排名|名次|同比|增幅|总数|总额)$/;

/** The turn as a question of its own, for people and for the model: 2015年拆除违法建筑是多少? */
function restate(u: Omit<Understanding, 'question'>): string {
  const years = u.years.length === 0 ? '' : u.years.length === 1 ? `${u.years[0]}年` : yearSpan(u.years);
  const ask = u.asksWhen
    ? '是哪一年?'
    : u.compare
      ? '有什么变化?'
      : u.aspect === 'rank'
        ? '排名第几?'
        : u.numeric
          ? '是多少?'
          : '有哪些情况?';
  return `${years}${u.org ?? ''}${u.topic}${ask}`;
}

function yearSpan(years: number[]): string {
  return `${years[0]}—${years[years.length - 1]}年`;
}

/**
 * Completes a turn from the previous resolved one when it leans on it; otherwise returns it unchanged.
 * @example resolveFollowUp(understand('那2015年呢?', ctx), understand('2016年拆除了多少违法建筑?', ctx))
 * // { years: [2015], topic: '拆除违法建筑', numeric: true, followUp: true, question: '2015年拆除违法建筑是多少?' }
 */
export function resolveFollowUp(current: Understanding, previous: Understanding | null): Understanding {
  if (!previous || !isElliptical(current) || (current.topic === '' && previous.topic === '')) return current;
  const keepsTopic = current.topic === '' || narrowing.test(current.topic);
  const topic =
    current.topic === ''
      ? previous.topic
      : keepsTopic && !previous.topic.endsWith(current.topic)
        ? `${previous.topic}${current.topic}`
        : current.topic;
  const ownYears = current.years.length > 0 && current.yearsFrom !== 'filter';
  const compare = current.compare || (keepsTopic && previous.compare && !ownYears);
  const inheritedAspect = previous.aspect === 'change' && !compare ? 'level' : previous.aspect;
  // 比2016年少了多少? after a question about 2017: both years are compared.
  const years =
    ownYears && compare && current.years.length === 1
      ? [...new Set([...previous.years, ...current.years])].sort((a, b) => a - b)
      : ownYears
        ? current.years
        : previous.years;
  const resolved = {
    ...current,
    topic,
    years,
    yearsFrom: ownYears ? current.yearsFrom : previous.years.length > 0 ? ('inherited' as const) : null,
    yearNote: current.yearNote ?? (ownYears ? null : previous.yearNote),
    org: current.org ?? previous.org,
    orgUnknown: current.org ? current.orgUnknown : previous.orgUnknown,
    numeric: current.numeric || (keepsTopic && previous.numeric),
    unit: current.unit ?? (current.topic === '' ? previous.unit : null),
    aspect: current.aspect !== 'level' ? current.aspect : keepsTopic ? inheritedAspect : 'level',
    compare,
    asksWhen: current.asksWhen || (current.topic === '' && previous.asksWhen),
    followUp: true,
  };
  return { ...resolved, question: restate(resolved) };
}
