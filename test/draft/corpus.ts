/** The bundled corpus as drafting tests use it: the 2016 report and the ledgers of 2016 and 2017. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDraft } from '../../server/draft/build.ts';
import type { Draft } from '../../server/draft/types.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { parseLedger } from '../../server/figures/index.ts';
import { corpusDir } from '../../server/paths.ts';
import type { Report } from '../../server/report/index.ts';
import { parseReportFile } from '../../server/report/index.ts';

export const reportPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
export const ledger2016Path = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
export const ledger2017Path = join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv');

/** The 2016 report, parsed. */
export async function report2016(): Promise<Report> {
  return parseReportFile(readFileSync(reportPath), { fileName: '甘泉路街道2016年工作总结.txt' });
}

/** The 2016 ledger and the 2017 sample ledger (which also holds two 2016 rows). */
export async function ledgers(): Promise<{
  l2016: LedgerRecord[];
  l2017: LedgerRecord[];
  both: LedgerRecord[];
}> {
  const l2016 = await parseLedger(readFileSync(ledger2016Path), 'ganquan-2016.csv');
  const l2017 = await parseLedger(readFileSync(ledger2017Path), 'ganquan-2017-sample.csv');
  const key = (r: LedgerRecord) => `${r.year}|${r.metric}`;
  const given = new Set(l2017.map(key));
  return { l2016, l2017, both: [...l2016.filter((r) => !given.has(key(r))), ...l2017] };
}

/** A ledger row for table tests. */
export function row(year: number, metric: string, value: number, unit: string): LedgerRecord {
  return { year, metric, value, unit, note: '', source: { file: 'test.csv', row: 1 } };
}

/** The 2017 draft carried forward from the 2016 report against both ledgers, as the workspace saves it. */
export async function draft2017(): Promise<Draft> {
  const { both } = await ledgers();
  return buildDraft({
    year: 2017,
    report: await report2016(),
    stored: true,
    ledger: both,
    ledgerSource: 'x',
  });
}
