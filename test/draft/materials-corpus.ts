/** The demo's 2017 materials as drafting tests use them: cut into sentences as the store holds them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDraft } from '../../server/draft/build.ts';
import type { Draft } from '../../server/draft/types.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { departmentOf, materialChunks } from '../../server/materials/index.ts';
import { corpusDir } from '../../server/paths.ts';
import type { Report } from '../../server/report/index.ts';
import { parseReportFile } from '../../server/report/index.ts';
import type { MaterialChunk } from '../../server/store/index.ts';

export const demoMaterialsDir = join(corpusDir, 'materials', '2017');
const addedAt = '2018-01-05T00:00:00.000Z';

/** The sentences of every material in a folder, as the store would hold them for 2017. */
export async function materialsOf(dir = demoMaterialsDir): Promise<MaterialChunk[]> {
  const chunks: MaterialChunk[] = [];
  for (const fileName of readdirSync(dir).sort()) {
    const report = await parseReportFile(readFileSync(join(dir, fileName)), { fileName });
    chunks.push(...materialChunks(report, { year: 2017, department: departmentOf(report), addedAt }));
  }
  return chunks;
}

/** The 2017 draft of `report` from material sentences (no retrieval results: placement by words alone). */
export function draftFromMaterials(report: Report, ledger: LedgerRecord[], chunks: MaterialChunk[]): Draft {
  return buildDraft({
    year: 2017,
    report,
    stored: true,
    ledger,
    ledgerSource: 'ganquan-2017-sample.csv',
    materials: { year: 2017, chunks, retrieved: new Map() },
    id: 'd2017-materials',
    now: new Date('2018-01-05T08:00:00Z'),
  });
}
