/** 指标趋势: a ledger metric's values across years as an inline SVG bar chart (no chart library). */
import type { LedgerRecord } from '../../figures/types.ts';
import { errorText } from './api.ts';
import { barLayout } from './chart.ts';
import { byId, fill, h } from './dom.ts';
import { valueText } from './format.ts';
import { metricRecords } from './ledger-rows.ts';
import { officeOf } from './scope.ts';

// The SVG namespace is a name, not an address: nothing is fetched from it.
const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The chart of a metric's records (one per year). */
function chart(records: readonly LedgerRecord[]): SVGElement {
  const layout = barLayout(
    records.map((r) => ({ year: r.year, value: r.value })),
    600,
    220,
  );
  const unit = records[0]?.unit ?? '';
  const summary = layout.bars.map((b) => `${b.year}年 ${valueText(b.value, unit)}`).join('；');
  const root = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'img',
    'aria-label': summary,
  });
  root.append(
    svg('line', { class: 'axis', x1: 0, x2: layout.width, y1: layout.baseline, y2: layout.baseline }),
  );
  layout.bars.forEach((bar, i) => {
    const rect = svg('rect', { class: 'bar', x: bar.x, y: bar.y, width: bar.width, height: bar.height });
    rect.append(svg('title', {}, `${bar.year}年：${valueText(bar.value, unit)}（${records[i].note}）`));
    const middle = bar.x + bar.width / 2;
    root.append(
      rect,
      svg('text', { x: middle, y: bar.y - 6, 'text-anchor': 'middle' }, valueText(bar.value, unit)),
      svg('text', { x: middle, y: layout.height - 8, 'text-anchor': 'middle' }, `${bar.year}年`),
    );
  });
  return root;
}

async function show(metric: string): Promise<void> {
  const figure = byId('trend-chart');
  fill(figure, h('p', { class: 'note' }, '正在载入…'));
  try {
    // The office chosen above the ledger table: two offices' rows of one metric are never one chart.
    const org = officeOf('ledgers');
    const records = await metricRecords(metric, { org });
    if (!records.length) return fill(figure, h('p', { class: 'note' }, `台账中没有指标“${metric}”。`));
    const offices = new Set(records.map((r) => r.org ?? ''));
    if (offices.size > 1) {
      const hint = `多个单位都有指标“${metric}”，请在台账一栏选择单位后再查看。`;
      return fill(figure, h('p', { class: 'note' }, hint));
    }
    const whose = records[0].org ? `${records[0].org} ` : '';
    fill(
      figure,
      chart(records),
      h('figcaption', {}, `${whose}${metric}（${records[0].unit}）历年数值，来自台账`),
    );
  } catch (error) {
    fill(figure, h('p', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

/** Offers the ledger's metrics as choices. */
export function fillMetrics(records: readonly LedgerRecord[]): void {
  const metrics = [...new Set(records.map((r) => r.metric))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  fill(byId('trend-metrics'), ...metrics.map((m) => h('option', { value: m })));
}

/** Wires the trend form (once, at start). */
export function initTrend(): void {
  byId('trend-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const metric = byId<HTMLInputElement>('trend-metric').value.trim();
    if (metric) void show(metric);
  });
}
