/** Year and office filters, filled from the stored reports and kept in the browser. */
import type { ReportSummary } from '../../store/types.ts';
import { getJson } from './api.ts';
import { byId, h } from './dom.ts';

let reports: Promise<ReportSummary[]> | null = null;

/** The stored reports (fetched once; again after an upload). */
export function storedReports(refresh = false): Promise<ReportSummary[]> {
  if (!reports || refresh) {
    reports = getJson<{ reports: ReportSummary[] }>('/api/reports').then((r) => r.reports);
    reports.catch(() => {
      reports = null;
    });
  }
  return reports;
}

const keyOf = (select: HTMLSelectElement): string => `govdraft.scope.${select.id}`;

/** Fills every year and office filter with what the store holds, keeping each one's choice. */
export async function fillScopes(refresh = false): Promise<void> {
  const list = await storedReports(refresh);
  const years = [...new Set(list.map((r) => r.year ?? 0).filter((y) => y > 0))].sort((a, b) => b - a);
  const orgs = [...new Set(list.map((r) => r.org ?? '').filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const kept = select.value || localStorage.getItem(keyOf(select)) || '';
    const byYear = select.dataset.filter === 'year';
    const values = byYear ? years.map(String) : orgs;
    const all = select.options[0];
    select.replaceChildren(all, ...values.map((v) => h('option', { value: v }, byYear ? `${v}年` : v)));
    select.value = values.includes(kept) ? kept : '';
  }
}

/** Keeps each filter's choice across reloads (once, at start). */
export function initScopes(): void {
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    select.addEventListener('change', () => localStorage.setItem(keyOf(select), select.value));
  }
}

/** The filters chosen in a view (`chat`, `search`, `reports`), as the API takes them. */
export function scopeOf(prefix: string): { year?: number; org?: string } {
  const year = byId<HTMLSelectElement>(`${prefix}-year`).value;
  const org = byId<HTMLSelectElement>(`${prefix}-org`).value;
  return { ...(year ? { year: Number(year) } : {}), ...(org ? { org } : {}) };
}
