/**
 * Adding a material: the parsed file is cut into sentences under its department, its figures checked
 * against the store's ledger of its year, and its sentences written to the materials table.
 */
import type { Report } from '../report/index.ts';
import type { MaterialOutcome, Store } from '../store/index.ts';
import { departmentOf } from './department.ts';
import { checkMaterial } from './figures.ts';
import { materialChunks } from './read.ts';
import { type MaterialSummary, summarise } from './summary.ts';

/** What adding a material did, what it holds, and what the writer should know about it. */
export interface AddedMaterial extends MaterialOutcome {
  material: MaterialSummary;
  /** Things to check (a title naming another year, no sentence of work), in Chinese. */
  notices: string[];
}

/** How a material is added: the year it reports on and, when the writer names it, its department. */
export interface AddOptions {
  year: number;
  from?: string | null;
  now?: Date;
}

/**
 * Adds a parsed material to the store as `year`'s material of its department (see `departmentOf`).
 * Idempotent: the same file for the same year is left as it is.
 */
export async function addMaterial(store: Store, report: Report, options: AddOptions): Promise<AddedMaterial> {
  const { year } = options;
  const department = departmentOf(report, options.from);
  const addedAt = (options.now ?? new Date()).toISOString();
  const chunks = materialChunks(report, { year, department, addedAt });
  const ledger = [...(await store.queryLedger({ year })), ...(await store.queryLedger({ year: year - 1 }))];
  const checked = checkMaterial(chunks, report.text, ledger, year);
  const outcome = await store.materials.add(checked);
  const stored =
    outcome.status === 'unchanged'
      ? await store.materials.chunks({ year, materialIds: [report.id] })
      : checked;
  const material = summarise(stored)[0];
  const notices: string[] = [];
  if (report.year !== null && report.year !== year) {
    notices.push(`材料标题写的是${report.year}年,已按${year}年的材料导入`);
  }
  if (material.content === 0) notices.push('材料中没有找到写工作内容的句子,起草时不会用到它');
  if (material.flagged)
    notices.push(`材料中有 ${material.conflicts.length} 个数字与${year}年台账不符,起草时以台账为准`);
  return { ...outcome, material, notices };
}
