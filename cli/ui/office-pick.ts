/**
 * The office a screen shows (语料, 问答): none chosen (every office) or one of the store's offices,
 * stepped through with a key. A reducer, so tests drive it without rendering.
 */
import type { OfficeEntry } from '../../server/figures/index.ts';

/** The offices offered and the one chosen (null: every office). */
export interface OfficePick {
  offices: readonly OfficeEntry[];
  chosen: OfficeEntry | null;
}

export type OfficeAction =
  | { type: 'loaded'; offices: readonly OfficeEntry[] }
  /** The next office, and after the last one every office again. */
  | { type: 'next' }
  | { type: 'previous' };

/** Nothing loaded, nothing chosen. */
export const noOffice: OfficePick = { offices: [], chosen: null };

/**
 * The next pick. A reload keeps the chosen office while the store still holds it.
 * @example officePick({ offices: [a, b], chosen: null }, { type: 'next' }).chosen // a
 */
export function officePick(state: OfficePick, action: OfficeAction): OfficePick {
  if (action.type === 'loaded') {
    const kept = action.offices.find((o) => o.name === state.chosen?.name) ?? null;
    return { offices: action.offices, chosen: kept };
  }
  const { offices } = state;
  if (offices.length === 0) return state;
  // Every office sits at -1 in the cycle, before the first.
  const at = state.chosen ? offices.findIndex((o) => o.name === state.chosen?.name) : -1;
  const step = action.type === 'next' ? 1 : -1;
  const next = ((at + 1 + step + offices.length + 1) % (offices.length + 1)) - 1;
  return { offices, chosen: next < 0 ? null : offices[next] };
}

/** The pick as a screen's header says it: 单位：殷行街道 (1/3), or 单位：全部. */
export function officeLabel(state: OfficePick): string {
  if (!state.chosen) return state.offices.length > 1 ? `单位：全部（共 ${state.offices.length} 个）` : '';
  const at = state.offices.findIndex((o) => o.name === state.chosen?.name) + 1;
  return `单位：${state.chosen.short}（${at}/${state.offices.length}）`;
}
