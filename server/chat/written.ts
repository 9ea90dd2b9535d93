/**
 * How chat writes a ledger value when no report passage shows the writer's own form: through the
 * figures engine's formatters, with the scale a writer would pick (9.6万人次, 139.76万元, 第2名,
 * 同比下降12%). Changes are written with their direction word (减少27处, 降低0.4个百分点).
 */

import type { LedgerRecord } from '../figures/index.ts';
import { aspectOf, formatLike, formatValue } from '../figures/index.ts';

/**
 * A ledger value written as a writer would: 154处, 139.76万元, 9.6万人次, 全区第2名, 同比下降12%.
 * @example naturalForm({ metric: '元旦春节帮困救助总金额', value: 1523400, unit: '元' }) // '152.34万元'
 */
export function naturalForm(record: Pick<LedgerRecord, 'metric' | 'value' | 'unit'>): string {
  const aspect = aspectOf(record.metric);
  if (aspect === 'rank') return formatLike(record.value, '第1名');
  if (aspect === 'change') return changeForm(record.value, record.unit);
  return formatValue(record.value, record.unit);
}

/**
 * A signed change with its direction word: −27 处 → 减少27处, −12 % → 下降12%, −0.4 个百分点 → 降低0.4个百分点.
 * @example changeForm(-27, '处') // '减少27处'
 */
export function changeForm(delta: number, unit: string): string {
  if (unit === '%') return formatLike(delta, '增长1%');
  if (unit === '个百分点') return formatLike(delta, '提高1.0个百分点');
  if (delta === 0) return '持平';
  const size = formatValue(Math.abs(delta), unit);
  return `${delta > 0 ? '增加' : '减少'}${size}`;
}

/**
 * A relative change in percent, one decimal: −17.53 → 下降17.5%.
 * @example percentChange(-17.53) // '下降17.5%'
 */
export function percentChange(percent: number): string {
  return formatLike(Math.round(percent * 10) / 10, '增长1.0%');
}
