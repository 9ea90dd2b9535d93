import { GovdraftError } from '../errors.ts';
import { sameOrg } from '../report/index.ts';
import type { Chunk, Section, Store } from '../store/index.ts';
import { searchTerms } from './query.ts';
import { fuseRanks, listWeights } from './rrf.ts';

export interface SearchOptions {
  /** Number of hits wanted (1–100, default 5). */
  k?: number;
  year?: number;
  org?: string;
  part?: number;
  section?: Section;
}

/** Where a passage comes from, enough to cite it: 《title》 part (二) paragraph n. */
export interface Citation {
  reportId: string;
  reportTitle: string;
  year: number;
  part: number;
  partTitle: string;
  paragraph: number;
  section: Section;
}

export interface SearchHit {
  chunk: Chunk;
  /** Fused reciprocal-rank score; only the order is meaningful. */
  score: number;
  citation: Citation;
  /** The matched passage. */
  text: string;
}

/**
 * The names an office is stored under (殷行街道 finds reports of 上海市杨浦区人民政府殷行街道办事处);
 * the name as given when no stored report is of that office.
 */
async function storedNames(store: Store, org: string): Promise<string | string[]> {
  const stored = new Set((await store.listReports()).map((r) => r.org).filter((o) => o !== null));
  const names = [...stored].filter((name) => sameOrg(name, org));
  return names.length > 0 ? names : org;
}

/** How many candidates each method contributes to the fusion, per hit wanted. */
const depthPerHit = 4;
const minDepth = 20;
function citationOf(chunk: Chunk): Citation {
  return {
    reportId: chunk.reportId,
    reportTitle: chunk.reportTitle,
    year: chunk.year,
    part: chunk.part,
    partTitle: chunk.partTitle,
    paragraph: chunk.paragraph,
    section: chunk.section,
  };
}

/**
 * Hybrid search over the stored reports: two ranked lists — vector (cosine) and BM25 over jieba words
 * and character bigrams — fused by reciprocal rank, with the metadata filters applied inside each
 * search; the two searches run at once and read only row addresses, then the k chunks kept are read
 * (by id after a search that met a rewritten table or a killed ingest's rows). Bigrams
 * catch names and figures jieba cuts oddly, whole words outrank accidental bigram overlaps, vectors
 * add some tolerance for paraphrase; `npm run eval retrieval` shows each list alone.
 * @example await search(store, '哪一年拆除违法建筑154处?', { k: 3, year: 2016 })
 */
export async function search(store: Store, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  if (!query.trim()) {
    throw new GovdraftError('bad_request', '检索内容不能为空', 'The search query is empty');
  }
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 1 || k > 100) {
    throw new GovdraftError(
      'bad_request',
      `返回条数 k 须为 1 到 100 的整数,收到 ${k}`,
      `k must be an integer 1–100, got ${k}`,
    );
  }
  const terms = searchTerms(query);
  const org = options.org === undefined ? undefined : await storedNames(store, options.org);
  const filter = { year: options.year, org, part: options.part, section: options.section };
  const depth = Math.max(minDepth, k * depthPerHit);
  const vector = await store.embedQuery(terms);
  const fast = await store.hybridRows(vector, terms, filter, depth);
  if (fast) {
    const top = fuseRanks(fast.lists, listWeights).slice(0, k);
    const chunks = await fast.read(top.map((hit) => hit.id));
    // Rows of a report never committed, or a table rewritten meanwhile: search again by id below.
    if (chunks && chunks.length === top.length) {
      return chunks.map((chunk, i) => ({
        chunk,
        score: top[i].score,
        citation: citationOf(chunk),
        text: chunk.text,
      }));
    }
  }
  const lists = await Promise.all([
    store.vectorSearch(vector, filter, depth),
    store.textSearch(terms, filter, depth),
  ]);
  const top = fuseRanks(lists, listWeights).slice(0, k);
  const chunks = new Map((await store.chunks(top)).map((c) => [c.id, c]));
  return top.flatMap(({ id, score }) => {
    const chunk = chunks.get(id);
    return chunk ? [{ chunk, score, citation: citationOf(chunk), text: chunk.text }] : [];
  });
}
