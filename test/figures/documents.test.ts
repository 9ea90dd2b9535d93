/**
 * The synthetic documents of the dev set (evals/data/documents/syn-*), written for the tests with trap
 * ledgers: extraction against the hand-annotated gold, no false 不符 on the correct texts, and no
 * wrong substitution when each paragraph is carried forward to the next year's ledger.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carryChecked } from '../../server/draft/index.ts';
import { checkText } from '../../server/figures/check/check.ts';
import { extractClaims } from '../../server/figures/claims/claims.ts';
import { planSpans } from '../../server/figures/claims/plan.ts';
import { parseLedger } from '../../server/figures/ledger/ledger.ts';
import { indexLedger } from '../../server/figures/lookup/match.ts';
import { packageRoot } from '../../server/paths.ts';

interface Gold {
  year: number;
  figures: { text: string; metric?: string | null }[];
}

/** [document, figures the checker still wrongly contradicts (known gaps, named)] */
const documents: [string, string[]][] = [
  ['syn-jd-linhai-2023', []],
  ['syn-zhen-qingxi-2023', []],
  ['syn-qu-minzheng-2023', []],
];

function load(id: string) {
  const dir = join(packageRoot, 'evals/data/documents', id);
  const read = (name: string) => readFileSync(join(dir, name));
  return {
    text: read('source.txt').toString('utf8'),
    gold: JSON.parse(read('gold.json').toString('utf8')) as Gold,
    ledger: parseLedger(read('ledger.csv'), 'ledger.csv'),
    next: parseLedger(read('next-ledger.csv'), 'next-ledger.csv'),
  };
}

/** Gold figures matched to claims in reading order by their text. */
function align(gold: Gold['figures'], found: string[]): { hits: number } {
  let hits = 0;
  let from = 0;
  for (const g of gold) {
    const at = found.indexOf(g.text, from);
    if (at >= 0) {
      hits++;
      from = at + 1;
    }
  }
  return { hits };
}

describe.each(documents)('%s', (id, known) => {
  it('reads its figures with precision and recall of at least 0.97', () => {
    const { text, gold } = load(id);
    const found = extractClaims(text).map((c) => c.text);
    const { hits } = align(gold.figures, found);
    expect(hits / found.length).toBeGreaterThanOrEqual(0.97);
    expect(hits / gold.figures.length).toBeGreaterThanOrEqual(0.97);
  });

  it('marks no correct figure 不符 against its ledger', async () => {
    const { text, gold, ledger } = load(id);
    const result = checkText(text, await ledger, { year: gold.year });
    const contradicted = result.claims.filter((c) => c.verdict === 'contradicted').map((c) => c.text);
    expect(contradicted).toEqual(known);
  });

  it('carried forward, fills a figure only with the next year’s value of its own row', async () => {
    const { text, gold, ledger, next } = load(id);
    const both = [...(await ledger), ...(await next)];
    const index = indexLedger(both);
    const years = { from: gold.year, to: gold.year + 1 };
    const byMetric = new Map((await next).map((r) => [r.metric, r]));
    const golds = [...gold.figures];
    const wrong: string[] = [];
    // The plan for the next year is the writer's (its figures are targets): only the review is carried.
    const plan = planSpans(text)[0]?.start ?? text.length;
    for (const paragraph of text
      .slice(0, plan)
      .split('\n')
      .filter((l) => l.trim())) {
      for (const figure of carryChecked(paragraph, both, index, years).figures) {
        // A leading 达/达到 stays outside the replaced figure (达到97家 → 达到106家).
        const at = golds.findIndex((g) => g.text.replace(/^达到?/, '') === figure.previous);
        const own = at >= 0 ? golds.splice(at, 1)[0] : undefined;
        if (figure.status !== 'updated') continue;
        const row = own?.metric ? byMetric.get(own.metric) : undefined;
        if (!row || row.metric !== figure.metric || row.value !== figure.value) {
          wrong.push(`${figure.previous} → ${figure.text} (${figure.metric})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
