/**
 * The offices a store holds, for a picker: each office once (its full and short names being one
 * office by `sameOrg`), with the years of its reports and of its ledger rows, so a user can choose
 * the office whose data a view shows.
 */
import { orgKeys, sameOrg } from '../../report/index.ts';

/** One office of the store. */
export interface OfficeEntry {
  /** The name as first stored (a report's org, else a ledger row's). */
  name: string;
  /** The name without its regions and formal ending (上海市杨浦区人民政府殷行街道办事处 → 殷行街道). */
  short: string;
  reports: number;
  ledgerRecords: number;
  /** Years with a report or a ledger row of the office, newest first. */
  years: number[];
}

/** What the store holds, by office; `unassigned`: ledger rows that name no office. */
export interface OfficeDirectory {
  offices: OfficeEntry[];
  unassigned: number;
}

/**
 * Groups stored reports and ledger rows by office, offices sorted by their short name.
 * @example officeDirectory([{ org: '上海市杨浦区人民政府殷行街道办事处', year: 2016 }], [{ org: '殷行街道', year: 2016 }])
 * // { offices: [{ name: '上海市杨浦区人民政府殷行街道办事处', short: '殷行街道', reports: 1, ledgerRecords: 1, years: [2016] }], unassigned: 0 }
 */
export function officeDirectory(
  reports: readonly { org: string | null; year: number | null }[],
  ledger: readonly { org?: string; year: number }[],
): OfficeDirectory {
  const offices: (OfficeEntry & { yearSet: Set<number> })[] = [];
  const entryOf = (name: string) => {
    let entry = offices.find((o) => sameOrg(o.name, name));
    if (!entry) {
      entry = {
        name,
        short: orgKeys(name)[0] ?? name,
        reports: 0,
        ledgerRecords: 0,
        years: [],
        yearSet: new Set(),
      };
      offices.push(entry);
    }
    return entry;
  };
  let unassigned = 0;
  for (const r of reports) {
    if (!r.org) continue;
    const entry = entryOf(r.org);
    entry.reports++;
    if (r.year) entry.yearSet.add(r.year);
  }
  for (const r of ledger) {
    if (!r.org) {
      unassigned++;
      continue;
    }
    const entry = entryOf(r.org);
    entry.ledgerRecords++;
    entry.yearSet.add(r.year);
  }
  return {
    offices: offices
      .map(({ yearSet, ...entry }) => ({ ...entry, years: [...yearSet].sort((a, b) => b - a) }))
      .sort((a, b) => a.short.localeCompare(b.short, 'zh-CN')),
    unassigned,
  };
}
