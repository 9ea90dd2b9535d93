/**
 * The kind of a figure beyond its unit: a target or what was done (年度目标 vs 就业人数), this year's
 * new ones or a total (新增 vs 累计/总数), a subset singled out by an honour (2个小区获评市级示范小区 is
 * not the number of 小区), a completion against a target (完成年度目标的106.3%). A figure and a
 * ledger metric of different kinds never match, whatever their words share.
 */

import { words } from '../../text/index.ts';

/** What a phrase (a figure's subject or a metric's name) says about the kind of its figure. */
export interface Facets {
  /** A target, plan or quota (年度目标, 任务数, 计划数), not what was done. */
  target: boolean;
  /** This year's new ones (新增, 新建, 新引进). */
  fresh: boolean;
  /** A total or running total (累计, 总数, 现有, 存量). */
  total: boolean;
  /** The honour or selection that singles out a subset (获评市级示范小区 → 市级示范小区), '' for none. */
  honour: string;
  /** A percent of completion against a target (完成率, 完成年度目标的). */
  completion: boolean;
  /** An unnamed part of a carried subject (其中30个): no metric is certainly its own. */
  part: boolean;
  /** A threshold that defines what is counted (亿元以上, 5000万元以上), '' for none. */
  threshold: string;
}

const targetWords = /目标|计划数|计划任务|任务数|任务量|任务指标|下达指标|指标数/;
const freshWords =
  /新增|新(?:建|成立|引进|签约|招|发展|开工|注册|登记|认定|培育|安装|开设|设立|入驻|落户|吸纳|创建|开通|装|聘|录用|办理)/;
/** 全年累计 is the year's total, not a running total; 共有产权 is a name. */
const totalWords = /(?<!全年|年内|当年|今年|本年|年度)累计|总数|总量|现有|存量|保有量|在册|共有(?!产权)/;
const honourWords =
  /获评|被评为|评为|荣获|获得|入选|命名为|被命名|授予|认定为|列为|列入|获批|通过验收|创建成/;
/** 亿元以上, 5000万元以上, 超过100万元的: a bound that defines the things counted. */
const thresholdWords =
  /(?:超过|不低于|不少于)?[0-9.]*[十百千万亿]*(?:元|平方米|亩|吨|人|户|家|周岁|岁)?(?:及以上|及以下|以上|以下)|超过[0-9.]+[十百千万亿]*元?的/g;
const completionWords =
  /完成率|目标完成|任务完成|计划完成|完成(?:了)?(?:年度|全年|年初|全年度)?(?:目标|任务|计划)/;

/**
 * The facets of a phrase.
 * @example facetsOf('小区获评市级示范小区') // { honour: '市级示范小区', target: false, … }
 */
export function facetsOf(phrase: string): Facets {
  const honour = phrase.match(honourWords);
  return {
    target: targetWords.test(phrase) && !completionWords.test(phrase),
    fresh: freshWords.test(phrase),
    total: totalWords.test(phrase),
    honour: honour?.index === undefined ? '' : phrase.slice(honour.index + honour[0].length),
    completion: completionWords.test(phrase),
    // 其中30个 names no part; 其中结婚登记8960对 names its own.
    part: /^其中(?:有|共|为)?(?![\p{Script=Han}]{2})/u.test(phrase),
    // 超过100万元的村6个、超过200万元的村2个: the item counted is the last one named.
    threshold: [...phrase.matchAll(thresholdWords)].at(-1)?.[0] ?? '',
  };
}

/**
 * The honour's own words, without the thing counted: 小区 of 市级示范小区 is what 2个小区 counts,
 * 市级示范 is what singles them out.
 */
function honourMark(subject: string, honour: string): string {
  const head = subject.slice(0, Math.max(0, subject.length - honour.length));
  for (let n = Math.min(head.length, honour.length); n >= 2; n--) {
    if (head.includes(honour.slice(-n))) return honour.slice(0, -n);
  }
  // 获评区级示范小区 with the counted noun left out before it: the honour ends with that noun.
  return honour.slice(0, -2);
}

/**
 * Why a figure of `claim` facets cannot be a value of a metric with `metric` facets, or null when
 * the kinds agree. `metricText` is the metric's name and note, for the honour's words.
 * @example facetConflict(facetsOf('帮助就业困难人员就业'), facetsOf('就业年度目标'), …) // '台账指标是目标数,文中是实际数'
 */
export function facetConflict(
  subject: string,
  claim: Facets,
  metric: Facets,
  metricText: string,
  percent: boolean,
): string | null {
  if (claim.part) return '文中是“其中”的一部分,未写明是哪一部分';
  if (percent && claim.completion && !metric.completion) return '文中是目标完成率,台账指标不是完成率';
  if (!claim.completion && !metric.completion && claim.target !== metric.target) {
    return metric.target ? '台账指标是目标数,文中是实际数' : '文中是目标数,台账指标是实际数';
  }
  if ((claim.fresh && !metric.fresh) || (claim.total && !claim.fresh && metric.fresh)) {
    return claim.fresh ? '文中是新增数,台账指标不是' : '文中是总数,台账指标是新增数';
  }
  if (claim.threshold !== metric.threshold) {
    return claim.threshold
      ? `文中是“${claim.threshold}”的部分,台账指标${metric.threshold ? `是“${metric.threshold}”的` : '不分档次'}`
      : `台账指标只计“${metric.threshold}”的部分`;
  }
  if (claim.honour) {
    // Every word of the honour (区级, 美丽家园, 示范) must be the metric's: 市级示范 is not 区级示范.
    const mark = honourMark(subject, claim.honour.replace(/[“”"]/g, ''));
    const named = mark.length >= 2 && words(mark).every((w) => w.length < 2 || metricText.includes(w));
    if (!named) return `文中是“${claim.honour}”的部分,台账指标不是`;
  }
  return null;
}
