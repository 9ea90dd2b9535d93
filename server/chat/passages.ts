/**
 * Retrieval for chat: hybrid search filtered by the question's years, office and part (one search a
 * year, merged by score), and finding the report sentence that states a ledger figure.
 */

import type { LedgerRecord } from '../figures/index.ts';
import { checkText } from '../figures/index.ts';
import { type SearchHit, search } from '../retrieve/index.ts';
import type { Section, Store } from '../store/index.ts';
import { splitSentences } from '../text/index.ts';
import { descriptiveDepth, isDescriptive } from './descriptive.ts';
import type { Statement } from './ledger-answer.ts';
import { coverage, minCoverage, type TopicWords } from './relevance.ts';
import type { Understanding } from './types.ts';

/** Passages retrieved for a question. */
const depth = 5;

/** The passages for a question, best first, within its years, office and part (and section, if given). */
export async function retrieve(
  store: Store,
  u: Understanding,
  query: string,
  k = depth,
  section?: Section,
): Promise<SearchHit[]> {
  const base = {
    k,
    ...(u.org && !u.orgUnknown ? { org: u.org } : {}),
    ...(u.part !== null ? { part: u.part } : {}),
    ...(section ? { section } : {}),
  };
  if (u.years.length === 0) return search(store, query, base);
  const lists = await Promise.all(u.years.map((year) => search(store, query, { ...base, year })));
  return lists
    .flat()
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

/**
 * The passages for a question, footnotes first when it asks what a term means and a footnote
 * explains it (“五违四必”[1] … [1]“五违”指违法用地…).
 */
export async function passagesFor(
  store: Store,
  u: Understanding,
  query: string,
  topic: TopicWords,
): Promise<SearchHit[]> {
  const hits = await retrieve(store, u, query, isDescriptive(u) ? descriptiveDepth : depth);
  if (!u.asksDefinition) return hits;
  const notes = (await retrieve(store, u, query, 2, 'footnote')).filter(
    (n) => coverage(topic, n.text) >= minCoverage,
  );
  return [...notes, ...hits.filter((h) => !notes.some((n) => n.chunk.id === h.chunk.id))];
}

/** The nearest passages with no filter at all: what "not found" shows as closest. */
export async function closest(store: Store, query: string, k = 2): Promise<SearchHit[]> {
  return search(store, query, { k });
}

/**
 * The sentence of that year's report stating a ledger figure, found by retrieval and confirmed by
 * the figures engine's checker (the claim must be supported by this very record); undefined when no
 * report of that year states it.
 */
export async function statementOf(
  store: Store,
  record: LedgerRecord,
  ledger: readonly LedgerRecord[],
): Promise<Statement | undefined> {
  const query = `${record.metric} ${record.note}`.slice(0, 200);
  const hits = await search(store, query, {
    k: 4,
    year: record.year,
    ...(record.org ? { org: record.org } : {}),
  });
  const sameYear = ledger.filter((r) => r.year === record.year);
  for (const hit of hits) {
    const claim = checkText(hit.text, sameYear, { year: record.year }).claims.find(
      (c) => c.verdict === 'supported' && (c.metric?.split('、') ?? []).includes(record.metric),
    );
    if (!claim) continue;
    const span = splitSentences(hit.text).find((s) => s.start <= claim.start && claim.end <= s.end);
    return {
      hit,
      surface: claim.text,
      qualifier: claim.qualifier,
      sentence: span ? hit.text.slice(span.start, span.end) : hit.text,
    };
  }
  return undefined;
}
