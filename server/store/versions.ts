import { GovdraftError } from '../errors.ts';
import type { Report } from '../report/index.ts';

/** What identifies a stored report for replacement: its content hash, file name, title, office and year. */
export interface StoredReportKey {
  id: string;
  fileName: string | null;
  title: string;
  org: string | null;
  year: number | null;
  chunks: number;
}

/**
 * Stored reports an incoming report supersedes: the ones named in `replace` (ids; an unknown id is
 * a `not_found` error), and any other version of the same report — the same office and the same
 * year, both known. A file name, a title or a year alone never replaces anything: two offices'
 * 2016.txt are two reports.
 * @example supersededBy(stored, { ...ganquan2016, id: 'new-hash' }) // [the stored 甘泉路街道 2016 key]
 */
export function supersededBy(
  stored: StoredReportKey[],
  report: Report,
  replace: readonly string[] = [],
): StoredReportKey[] {
  const unknown = replace.find((id) => !stored.some((key) => key.id === id));
  if (unknown) {
    throw new GovdraftError(
      'not_found',
      `没有找到要替换的报告 ${unknown}，未导入任何内容`,
      `No stored report ${unknown} to replace; nothing was ingested`,
    );
  }
  const sameReport = (key: StoredReportKey): boolean =>
    report.org !== null && report.year !== null && key.org === report.org && key.year === report.year;
  return stored.filter((key) => key.id !== report.id && (replace.includes(key.id) || sameReport(key)));
}
