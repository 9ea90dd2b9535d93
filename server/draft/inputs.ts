/**
 * Gathering what a draft is built from (I/O at the edge): last year's report — stored (by id or by
 * year) or given as a file — and the ledger of both years: the request's records or file first, the
 * store's records for whatever the request does not give.
 */
import { GovdraftError } from '../errors.ts';
import type { LedgerRecord } from '../figures/types.ts';
import type { Report } from '../report/types.ts';
import type { Store } from '../store/types.ts';

/** A file sent in a request: its name and bytes. */
export interface InputFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Where last year's report comes from: exactly one of these; none means the stored report of year − 1. */
export interface ReportSource {
  fromReportId?: string;
  fromYear?: number;
  from?: InputFile;
}

/** The ledger given with a request: records, or a ledger file (CSV, XLSX, JSON). */
export type LedgerInput = LedgerRecord[] | InputFile;

/** Last year's report and whether it is stored; a given file is read by `parse` (the uploads worker). */
export async function loadPreviousReport(
  store: Store,
  source: ReportSource,
  year: number,
  parse: (file: InputFile) => Promise<Report>,
): Promise<{ report: Report; stored: boolean }> {
  if (source.from) return { report: await parse(source.from), stored: false };
  if (source.fromReportId) {
    const report = await store.getReport(source.fromReportId);
    if (!report) {
      throw new GovdraftError(
        'not_found',
        `没有找到报告 ${source.fromReportId}`,
        `No report with id ${source.fromReportId}`,
      );
    }
    return { report, stored: true };
  }
  const fromYear = source.fromYear ?? year - 1;
  const candidates = (await store.listReports())
    .filter((r) => r.year === fromYear)
    .sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  const report = candidates[0] && (await store.getReport(candidates[0].id));
  if (!report) {
    throw new GovdraftError(
      'not_found',
      `库中没有${fromYear}年的报告:请先用 govdraft ingest 导入上年报告,或用 --from 指定报告文件`,
      `No stored report for ${fromYear}; ingest one or give the report file`,
    );
  }
  return { report, stored: true };
}

/** The key of a ledger row: one value per year and metric. */
const rowKey = (r: LedgerRecord): string => `${r.year}\u0000${r.metric}`;

/**
 * The ledger of `year` and the year before (and of the report's own year, when it differs). When the
 * request gives rows for `year`, they are that year's whole ledger; otherwise the store's rows are.
 * Earlier years take the store's rows with the request's rows winning for the same metric (a ledger
 * file often repeats last year's values next to this year's). With no row at all for `year` (early in
 * the drafting season) the records of the earlier years are returned alone: the draft is still built,
 * every figure pending. A ledger file is read by `parse` (the uploads worker).
 */
export async function loadDraftLedger(
  store: Store,
  year: number,
  fromYear: number,
  given: LedgerInput | undefined,
  parse: (file: InputFile) => Promise<LedgerRecord[]>,
): Promise<{ records: LedgerRecord[]; source: string }> {
  const years = [...new Set([year, year - 1, fromYear])];
  let requested: LedgerRecord[] = [];
  let source = '台账库';
  if (given && 'bytes' in given) {
    requested = await parse(given);
    source = given.fileName;
  } else if (given) {
    requested = given;
    source = '请求中的台账';
  }
  const givesYear = requested.some((r) => r.year === year);
  const merged = new Map<string, LedgerRecord>();
  for (const y of years) {
    if (y === year && givesYear) continue;
    for (const r of await store.queryLedger({ year: y })) merged.set(rowKey(r), r);
  }
  for (const r of requested) if (years.includes(r.year)) merged.set(rowKey(r), r);
  return { records: [...merged.values()], source };
}
