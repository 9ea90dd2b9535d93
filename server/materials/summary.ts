/** What the writer sees of a stored material: its department, file, sentence and figure counts, its conflicts with the ledger. */

import type { CheckSummary } from '../figures/index.ts';
import { formatValue } from '../figures/index.ts';
import type { MaterialChunk } from '../store/index.ts';

/** A figure of a material the ledger contradicts. */
export interface MaterialConflict {
  /** The sentence as written, and the figure in it. */
  sentence: string;
  figure: string;
  /** The ledger's value written in the figure's unit (152.34万元), when known. */
  ledger: string | null;
  source: string | null;
}

/** One stored material (for one year). */
export interface MaterialSummary {
  id: string;
  year: number;
  department: string;
  fileName: string;
  title: string;
  encoding: string;
  addedAt: string;
  /** All sentences, and those that state work done (the ones drafting uses). */
  sentences: number;
  content: number;
  figures: CheckSummary;
  /** True when a figure contradicts the ledger: those sentences are never used as written. */
  flagged: boolean;
  conflicts: MaterialConflict[];
}

/** The summaries of stored sentences, one per material and year, in the order the sentences come. */
export function summarise(chunks: readonly MaterialChunk[]): MaterialSummary[] {
  const byMaterial = new Map<string, MaterialSummary>();
  for (const c of chunks) {
    const key = `${c.materialId}:${c.year}`;
    let summary = byMaterial.get(key);
    if (!summary) {
      summary = {
        id: c.materialId,
        year: c.year,
        department: c.department,
        fileName: c.fileName,
        title: c.title,
        encoding: c.encoding,
        addedAt: c.addedAt,
        sentences: 0,
        content: 0,
        figures: { supported: 0, contradicted: 0, unverified: 0 },
        flagged: false,
        conflicts: [],
      };
      byMaterial.set(key, summary);
    }
    summary.sentences++;
    if (c.kind === 'content') summary.content++;
    for (const f of c.figures) {
      summary.figures[f.verdict]++;
      if (f.verdict !== 'contradicted') continue;
      summary.flagged = true;
      summary.conflicts.push({
        sentence: c.text,
        figure: f.text,
        ledger: f.expected === null ? null : formatValue(f.expected, f.unit),
        source: f.source,
      });
    }
  }
  return [...byMaterial.values()];
}
