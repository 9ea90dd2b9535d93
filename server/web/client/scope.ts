/** Year and office filters, filled from the stored reports and the store's offices, kept in the browser. */
import type { OfficeDirectory } from '../../figures/ledger/office-directory.ts';
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

/**
 * Fills every year and office filter with what the store holds (years of its reports; its offices,
 * from reports and ledger rows alike, by short name), keeping each one's choice.
 */
export async function fillScopes(refresh = false): Promise<void> {
  const [list, { offices }] = await Promise.all([
    storedReports(refresh),
    getJson<OfficeDirectory>('/api/offices'),
  ]);
  const years = [...new Set(list.map((r) => r.year ?? 0).filter((y) => y > 0))]
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), label: `${y}年`, title: '' }));
  const orgs = offices.map((o) => ({ value: o.name, label: o.short, title: o.name }));
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const kept = select.value || localStorage.getItem(keyOf(select)) || '';
    const options = select.dataset.filter === 'year' ? years : orgs;
    const all = select.options[0];
    select.replaceChildren(
      all,
      ...options.map((o) => h('option', { value: o.value, ...(o.title ? { title: o.title } : {}) }, o.label)),
    );
    select.value = options.some((o) => o.value === kept) ? kept : '';
  }
}

/** Keeps each filter's choice across reloads (once, at start). */
export function initScopes(): void {
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    select.addEventListener('change', () => localStorage.setItem(keyOf(select), select.value));
  }
}

/** The office chosen in a view's office filter (`check`, `ledgers`…), or undefined for all. */
export function officeOf(prefix: string): string | undefined {
  return byId<HTMLSelectElement>(`${prefix}-org`).value || undefined;
}

/** The filters chosen in a view (`chat`, `search`, `reports`), as the API takes them. */
export function scopeOf(prefix: string): { year?: number; org?: string } {
  const year = byId<HTMLSelectElement>(`${prefix}-year`).value;
  const org = officeOf(prefix);
  return { ...(year ? { year: Number(year) } : {}), ...(org ? { org } : {}) };
}
