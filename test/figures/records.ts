/** Ledger records for figures tests, written the way a statistics office names its metrics. */
import type { LedgerRecord } from '../../server/figures/types.ts';

/** One ledger row; `row` numbers follow the order given, from 2 (row 1 is the header). */
export function records(
  rows: [number, string, number, string, string?][],
  file = 'test-ledger.csv',
): LedgerRecord[] {
  return rows.map(([year, metric, value, unit, note], i) => ({
    year,
    metric,
    value,
    unit,
    note: note ?? '',
    source: { file, row: i + 2 },
  }));
}
