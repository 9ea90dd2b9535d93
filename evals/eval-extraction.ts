/**
 * Extraction eval: the claims found in the seed report against the gold figures
 * (`seed-2016-claims.tsv`: span overlap + exact value) and the gold non-figures
 * (`seed-2016-not-figures.tsv`: none may be reported). Targets: recall and precision ≥ 0.98, zero
 * non-figures.
 */
import { extractClaims } from '../server/figures/index.ts';
import { goldClaims, goldNonFigures, seedText } from './figures-gold.ts';
import type { EvalResult } from './types.ts';

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;
const sameValue = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Runs the extraction eval on the seed report. */
export async function run(): Promise<EvalResult> {
  const text = seedText();
  const gold = goldClaims(text);
  const nonFigures = goldNonFigures(text);
  const claims = extractClaims(text);
  const details: string[] = [];

  const found = gold.filter((g) => claims.some((c) => overlap(c, g) && sameValue(c.value, g.value)));
  for (const g of gold) {
    if (!found.includes(g)) {
      const near = claims.find((c) => overlap(c, g));
      details.push(
        `missed ${g.surface} (${g.value}${g.unit})${near ? `: read as ${near.text} = ${near.value}` : ''}`,
      );
    }
  }
  const correct = claims.filter((c) => gold.some((g) => overlap(c, g) && sameValue(c.value, g.value)));
  for (const c of claims) {
    if (!correct.includes(c)) details.push(`spurious ${c.text} = ${c.value}${c.unit} at ${c.start}`);
  }
  let reported = 0;
  for (const n of nonFigures) {
    for (const span of n.spans) {
      const hit = claims.find((c) => overlap(c, span));
      if (hit) {
        reported++;
        details.push(`non-figure ${n.surface} (${n.kind}) reported as ${hit.text}`);
      }
    }
  }
  const recall = gold.length ? found.length / gold.length : 1;
  const precision = claims.length ? correct.length / claims.length : 1;
  return {
    name: 'extraction (seed 2016)',
    metrics: {
      gold: gold.length,
      claims: claims.length,
      recall,
      precision,
      non_figures_reported: reported,
    },
    pass: recall >= 0.98 && precision >= 0.98 && reported === 0,
    details,
  };
}
