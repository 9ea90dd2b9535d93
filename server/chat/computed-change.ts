/** A change between two years computed from the ledger's levels, shown with its arithmetic. Pure. */

import type { LedgerRecord } from '../figures/index.ts';
import { changeOf, difference, exact, formatValue, sourceOf } from '../figures/index.ts';
import type { AnswerFigure } from './types.ts';
import { changeForm, percentChange } from './written.ts';

/** A change between two years computed from the ledger's levels. */
export interface Comparison {
  metric: string;
  from: LedgerRecord;
  to: LedgerRecord;
}

/** A figure the answer computed for a comparison (its operands are both years' rows). */
function computedFigure(
  c: Comparison,
  value: number,
  unit: string,
  text: string,
  computation: string,
): AnswerFigure {
  return {
    text,
    value,
    unit,
    origin: 'computed',
    year: c.to.year,
    metric: c.metric,
    source: `${sourceOf(c.to)};${sourceOf(c.from)}`,
    computation,
    ...(c.to.org ? { org: c.to.org } : {}),
    grounded: true,
  };
}

/**
 * A computed change between two years as a sentence with its arithmetic: percentage points for a
 * rate, else the difference and, where the base allows, the relative change.
 * @example compared(c).text // '2017年与2016年相比,拆除违法建筑处数由154处变为127处,减少27处,下降17.5%(计算:…)。'
 */
export function compared(c: Comparison): { text: string; figures: AnswerFigure[] } {
  const { from, to } = c;
  const delta = difference(exact(to.value), exact(from.value)).value;
  const a = formatValue(from.value, from.unit);
  const b = formatValue(to.value, to.unit);
  const head = `${to.year}年与${from.year}年相比,${c.metric}由${a}变为${b}`;
  if (to.unit === '%') {
    const pp = Math.round(delta * 100) / 100;
    const text = changeForm(pp, '个百分点');
    const computation = `${b} − ${a} = ${formatValue(pp, '个百分点')}`;
    return {
      text: `${head},${text}(计算:${computation})。`,
      figures: [computedFigure(c, pp, '个百分点', text, computation)],
    };
  }
  const deltaText = changeForm(delta, to.unit);
  const computation = `${b} − ${a} = ${formatValue(delta, to.unit)}`;
  const figures = [computedFigure(c, delta, to.unit, deltaText, computation)];
  const relative = changeOf('yoy', exact(to.value), exact(from.value));
  if (!relative) return { text: `${head},${deltaText}(计算:${computation})。`, figures };
  const percent = Math.round(relative.value * 10) / 10;
  const percentText = percentChange(relative.value);
  const percentComputation = `${formatValue(delta, to.unit)} ÷ ${a} ≈ ${formatValue(percent, '%')}`;
  figures.push(computedFigure(c, percent, '%', percentText, percentComputation));
  return {
    text: `${head},${deltaText},${percentText}(计算:${computation};${percentComputation})。`,
    figures,
  };
}
