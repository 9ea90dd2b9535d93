/** The bundled ledgers (2016 and the 2017 sample), parsed, for chat tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { parseLedger } from '../../server/figures/index.ts';
import { corpusDir } from '../../server/paths.ts';

/** Every record of corpus/ledgers, in file order. */
export async function bundledLedger(): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  for (const name of ['ganquan-2016.csv', 'ganquan-2017-sample.csv']) {
    out.push(...(await parseLedger(readFileSync(join(corpusDir, 'ledgers', name)), name)));
  }
  return out;
}
