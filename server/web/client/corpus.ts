/** 语料: the stored reports and ledgers by year and office, refreshed after uploads. */
import type { LedgerRecord } from '../../figures/types.ts';
import type { ReportSummary } from '../../store/types.ts';
import { errorText, getJson } from './api.ts';
import { byId, fill, h, table } from './dom.ts';
import { showPassage } from './drawer.ts';
import { dateText } from './format.ts';
import { fillScopes, officeOf, scopeOf, storedReports } from './scope.ts';
import { initSearch } from './search.ts';
import { fillMetrics, initTrend } from './trend.ts';
import { initUploads } from './uploads.ts';

function fail(id: string, error: unknown): void {
  fill(byId(id), h('p', { class: 'error', role: 'alert' }, errorText(error)));
}

/** Opens a whole report in the source panel, at its title. */
function openReport(r: ReportSummary): void {
  void showPassage({ reportId: r.id, label: `《${r.title}》`, text: r.title });
}

async function showReports(refresh = false): Promise<void> {
  try {
    const { year, org } = scopeOf('reports');
    const list = (await storedReports(refresh)).filter(
      (r) => (!year || r.year === year) && (!org || r.org === org),
    );
    const rows = [...list]
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))
      .map((r) => [
        r.year ? `${r.year}年` : '未识别',
        r.org ?? '未识别',
        h('button', { type: 'button', class: 'link', onclick: () => openReport(r) }, r.title),
        String(r.paragraphs),
        r.fileName ?? '',
        dateText(r.addedAt),
      ]);
    fill(
      byId('reports-table'),
      rows.length
        ? table(['年度', '单位', '标题', '段落', '文件', '加入时间'], rows)
        : h('p', { class: 'note' }, '还没有报告：请在下方上传往年的工作总结。'),
    );
  } catch (error) {
    fail('reports-table', error);
  }
}

/** The stored ledger by year (of the office chosen, when one is); the trend offers its metrics. */
async function showLedgers(): Promise<void> {
  try {
    const org = officeOf('ledgers');
    const query = org ? `?org=${encodeURIComponent(org)}` : '';
    const { records } = await getJson<{ records: LedgerRecord[] }>(`/api/ledger${query}`);
    const byYear = new Map<number, LedgerRecord[]>();
    for (const r of records) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    const rows = [...byYear.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, list]) => [
        `${year}年`,
        [...new Set(list.map((r) => r.org ?? '未标明'))].join('、'),
        String(list.length),
        [...new Set(list.map((r) => r.source.file))].join('、'),
      ]);
    const none = org ? '这个单位还没有台账记录。' : '还没有台账：请在下方导入台账文件。';
    fill(
      byId('ledgers-table'),
      rows.length ? table(['年度', '单位', '记录数', '来源文件'], rows) : h('p', { class: 'note' }, none),
    );
    fillMetrics(records);
  } catch (error) {
    fail('ledgers-table', error);
  }
}

/** Reloads the lists (when the tab is shown, and after an upload). */
export async function refreshCorpus(refresh = false): Promise<void> {
  await Promise.all([showReports(refresh), showLedgers(), refresh ? fillScopes(true) : null]);
}

/** Wires the corpus tab (once, at start). */
export function initCorpus(): void {
  for (const id of ['reports-year', 'reports-org'])
    byId(id).addEventListener('change', () => void showReports());
  byId('ledgers-org').addEventListener('change', () => void showLedgers());
  initUploads(() => void refreshCorpus(true));
  initSearch();
  initTrend();
}
