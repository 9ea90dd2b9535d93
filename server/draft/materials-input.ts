/**
 * Gathering this year's materials for a draft (I/O at the edge): the stored sentences of the year's
 * materials (or of the named ones), and for each paragraph of last year's structure the material
 * sentences the hybrid retrieval finds for it — the part's title and the paragraph's topic sentence
 * (or opening) as the query.
 */
import { GovdraftError } from '../errors.ts';
import { searchMaterials } from '../materials/index.ts';
import type { Report } from '../report/index.ts';
import { topicSentence } from '../report/index.ts';
import type { Store } from '../store/index.ts';
import type { MaterialsInput } from './assemble.ts';

/** Which materials a draft is built from: the year's (default: the draft's year), or only some of them. */
export interface MaterialsSource {
  year?: number;
  ids?: readonly string[];
}

/** Material sentences retrieved per paragraph of last year's structure. */
const perParagraph = 20;
/** Characters of a paragraph's opening used as its query when it has no topic sentence. */
const openingLength = 60;

/** The query of one of last year's paragraphs: its part's title and its topic sentence. */
function queryOf(partTitle: string, text: string): string {
  return `${partTitle} ${topicSentence(text) ?? text.slice(0, openingLength)}`;
}

/**
 * The materials of `source` ready for assembly. Throws not_found when there is no material of work
 * done for the year (or none of the named ids).
 */
export async function loadMaterialsInput(
  store: Store,
  report: Report,
  year: number,
  source: MaterialsSource,
): Promise<MaterialsInput> {
  const materialsYear = source.year ?? year;
  const filter = { year: materialsYear, ...(source.ids ? { materialIds: source.ids } : {}) };
  const chunks = await store.materials.chunks(filter);
  if (!chunks.some((c) => c.kind === 'content')) {
    throw new GovdraftError(
      'not_found',
      `没有${materialsYear}年的材料：请先用 govdraft materials add <目录> --year ${materialsYear} 导入科室材料`,
      `No materials of work done for ${materialsYear}; add some first`,
    );
  }
  const retrieved = new Map<number, string[]>();
  for (const part of report.parts) {
    for (const p of part.paragraphs) {
      const hits = await searchMaterials(store.materials, queryOf(part.title, p.text), filter, perParagraph);
      retrieved.set(
        p.index,
        hits.map((h) => h.chunk.id),
      );
    }
  }
  return { year: materialsYear, chunks, retrieved };
}
