import type { Report } from '../report/types.ts';

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
 * Stored reports that an incoming report supersedes: another content hash with the same file name, or
 * with the same title, office and year (a title alone, with neither office nor year known, is too weak).
 * @example supersededBy(stored, { ...report2016, id: 'new-hash' }) // ['old-hash']
 */
export function supersededBy(stored: StoredReportKey[], report: Report): string[] {
  const sameTitle = report.title.trim() !== '' && (report.org !== null || report.year !== null);
  return stored
    .filter(
      (key) =>
        key.id !== report.id &&
        ((report.source.fileName !== null && key.fileName === report.source.fileName) ||
          (sameTitle && key.title === report.title && key.org === report.org && key.year === report.year)),
    )
    .map((key) => key.id);
}
