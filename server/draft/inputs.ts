/**
 * Gathering what a draft is built from (I/O at the edge): last year's report — stored (by id or by
 * year) or given as a file — and the ledger of both years: the request's records or file first, the
 * store's records for whatever the request does not give.
 */
import { GovdraftError } from '../errors.ts';
import type { LedgerRecord } from '../figures/index.ts';
import { distinctOffices, officeLedger } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import { sameOrg } from '../report/index.ts';
import type { Store } from '../store/index.ts';

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
  /** The office drafting: a stored report of the year is looked for among its reports only. */
  org?: string;
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
    .filter((r) => r.year === fromYear && (!source.org || (r.org !== null && sameOrg(r.org, source.org))))
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
 * The ledger of `year` and the year before (and of the report's own year, when it differs), of
 * `office` only (see `officeLedger`). When the request gives rows for `year`, they are that year's
 * whole ledger; otherwise the store's rows are. Earlier years take the store's rows with the
 * request's rows winning for the same metric (a ledger file often repeats last year's values next
 * to this year's). With no row at all for `year` (early in the drafting season) the records of the
 * earlier years are returned alone: the draft is still built, every figure pending. A ledger file is
 * read by `parse` (the uploads worker). `source` names where the rows came from and the office they
 * belong to.
 */
export async function loadDraftLedger(
  store: Store,
  year: number,
  fromYear: number,
  given: LedgerInput | undefined,
  parse: (file: InputFile) => Promise<LedgerRecord[]>,
  office: string | null = null,
): Promise<{ records: LedgerRecord[]; source: string; office: string | null }> {
  const years = [...new Set([year, year - 1, fromYear])];
  let parsed: LedgerRecord[] = [];
  let source = '台账库';
  if (given && 'bytes' in given) {
    parsed = await parse(given);
    source = given.fileName;
  } else if (given) {
    parsed = given;
    source = '请求中的台账';
  }
  const requested = officeLedger(parsed, office, []);
  const present = (await store.listReports()).map((r) => r.org);
  const stored = officeLedger(
    (await Promise.all(years.map((y) => store.queryLedger({ year: y })))).flat(),
    office ?? requested.office,
    present,
  );
  const givesYear = requested.records.some((r) => r.year === year);
  const merged = new Map<string, LedgerRecord>();
  for (const r of stored.records) if (!(r.year === year && givesYear)) merged.set(rowKey(r), r);
  for (const r of requested.records) if (years.includes(r.year)) merged.set(rowKey(r), r);
  // The office is named where there was a choice: a store of several offices.
  const several = distinctOffices([...present, ...stored.records.map((r) => r.org)]).length > 1;
  const named = several && stored.office ? `${source}\u00B7${stored.office}` : source;
  return { records: [...merged.values()], source: named, office: stored.office };
}
