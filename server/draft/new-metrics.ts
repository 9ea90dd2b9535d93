/**
 * Ledger metrics last year's text never mentioned: a short sentence for each in the writer's style
 * (全年新增社区食堂2个。) and the paragraph it fits best, by how much of the metric's name (and, less,
 * its note) the paragraph and its part title share — rarer shared words weigh more.
 */

import type { LedgerRecord } from '../figures/index.ts';
import { formatLike, formatValue, toChineseNumeral } from '../figures/index.ts';
import { bigrams } from '../text/index.ts';
import type { DraftFigure, FigureAudit, FigureStatus } from './types.ts';

/** A paragraph a metric may go to: its ids and the text to compare with (part title included). */
export interface PlacementTarget {
  partId: string;
  paragraphId: string;
  text: string;
}

/** Where a metric fits best. */
export interface Placement {
  partId: string | null;
  paragraphId: string | null;
  score: number;
}

/** Endings of metric names that say what is counted, not what was done (户数, 金额, 人次…). */
const countEndings =
  /(人次数|人次|户次|人数|户数|家数|个数|次数|件数|处数|场次|批次|金额|总额|面积|数量|总数|数)$/;
const changeEndings = /(同比变化|同比增减|同比增长|同比增幅|增减幅度|变化)$/;
const rankEndings = /(全区排名|全市排名|排名|名次)$/;
/** Boilerplate of ledger notes (示例数据（虚构，仅供演示）) that says nothing about the metric. */
const noteBoilerplate = /示例数据[（(][^）)]*[）)][;；]?/g;

/**
 * Appends a metric's sentence to a paragraph's text, recording where its figure stands.
 * @example appendMetric('', figures, record, '全年新增社区食堂2个。', 'new') // '全年新增社区食堂2个。'
 */
export function appendMetric(
  text: string,
  figures: DraftFigure[],
  record: Pick<LedgerRecord, 'metric' | 'value' | 'unit'>,
  sentence: string,
  status: FigureStatus,
  audit?: FigureAudit,
): string {
  const surface = formatValue(record.value, record.unit);
  const at = sentence.lastIndexOf(surface);
  if (at >= 0) {
    const start = text.length + at;
    figures.push({
      start,
      end: start + surface.length,
      text: surface,
      metric: record.metric,
      status,
      value: record.value,
      unit: record.unit,
      ...(audit ? { audit } : {}),
    });
  }
  return text + sentence;
}

/**
 * The sentence that states a metric, in the genre's plain style.
 * @example metricSentence({ metric: '新增社区食堂数', value: 2, unit: '个', … }) // '全年新增社区食堂2个。'
 * @example metricSentence({ metric: '垃圾分类达标率', value: 95, unit: '%', … }) // '垃圾分类达标率为95%。'
 */
export function metricSentence(record: LedgerRecord): string {
  const name = record.metric.trim();
  if (changeEndings.test(name)) {
    return `${name.replace(changeEndings, '')}${formatLike(record.value, '同比增长1%')}。`;
  }
  if (rankEndings.test(name)) {
    return `${name.replace(rankEndings, '')}排名第${toChineseNumeral(record.value)}。`;
  }
  if (/率$/.test(name) || record.unit === '%') return `${name}为${formatValue(record.value, record.unit)}。`;
  return `全年${name.replace(countEndings, '') || name}${formatValue(record.value, record.unit)}。`;
}

/** Distinct bigrams of a phrase; those with a digit (years, figures) say nothing about the topic. */
function grams(text: string): Set<string> {
  return new Set(bigrams(text).filter((g) => !/[0-9\uFF10-\uFF19]/.test(g)));
}

/**
 * The paragraph each record fits best: the share of the metric's name bigrams (note bigrams at half
 * weight) found in the paragraph or its part title, each weighted by how rare it is among the targets.
 * A record sharing nothing with any target gets null ids and score 0.
 */
export function placeMetrics(
  records: readonly LedgerRecord[],
  targets: readonly PlacementTarget[],
): Placement[] {
  const targetGrams = targets.map((t) => grams(t.text));
  const df = new Map<string, number>();
  for (const set of targetGrams) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string): number => Math.log(1 + targets.length / (df.get(g) ?? 0.5));
  return records.map((record) => {
    const weights = new Map<string, number>();
    for (const g of grams(record.note.replace(noteBoilerplate, ''))) weights.set(g, 0.5 * idf(g));
    for (const g of grams(record.metric)) weights.set(g, idf(g));
    const total = [...weights.values()].reduce((s, w) => s + w, 0);
    let best: Placement = { partId: null, paragraphId: null, score: 0 };
    targets.forEach((target, i) => {
      let shared = 0;
      for (const [g, w] of weights) if (targetGrams[i].has(g)) shared += w;
      const score = total > 0 ? shared / total : 0;
      if (score > best.score) best = { partId: target.partId, paragraphId: target.paragraphId, score };
    });
    return best;
  });
}
