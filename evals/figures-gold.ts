/**
 * The seed report and its gold figures (`../shared/evals/seed-2016-*.tsv` beside the package), loaded for the
 * figures evals and tests: gold claims located in the text, non-figures, and a 2016 ledger built
 * from the gold rows (one record per figure).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerRecord } from '../server/figures/index.ts';
import { corpusDir, packageRoot } from '../server/paths.ts';

/**
 * Where the shared gold data lives: the `shared/` folder beside the package (DESIGN.md's
 * `../shared/`), or GOVDRAFT_SHARED_EVALS for machines that keep it elsewhere.
 */
export const sharedEvalsDir = process.env.GOVDRAFT_SHARED_EVALS ?? join(packageRoot, '..', 'shared', 'evals');

/** The bundled seed report (the same text as the shared seed). */
export const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');

/** One gold figure, located in the seed text. */
export interface GoldClaim {
  part: number;
  surface: string;
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: string;
  kind: string;
  metric: string;
  /** 1-based line of the TSV. */
  row: number;
}

/** One number of the seed that is not a figure, at every place it occurs. */
export interface GoldNonFigure {
  surface: string;
  kind: string;
  spans: { start: number; end: number }[];
}

function rows(file: string): { cells: string[]; row: number }[] {
  return readFileSync(join(sharedEvalsDir, file), 'utf8')
    .split('\n')
    .map((line, i) => ({ cells: line.split('\t'), row: i + 1, line }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .slice(1)
    .map(({ cells, row }) => ({ cells, row }));
}

/** The seed report's text. */
export function seedText(): string {
  return readFileSync(seedPath, 'utf8');
}

/** The gold figures of the seed with their spans (surface located inside its unique context). */
export function goldClaims(text = seedText()): GoldClaim[] {
  return rows('seed-2016-claims.tsv').map(({ cells, row }) => {
    const [part, context, surface, value, unit, qualifier, kind, metric] = cells;
    const at = text.indexOf(context);
    if (at < 0) throw new Error(`gold row ${row}: context not in the seed: ${context}`);
    const start = text.indexOf(surface, at);
    if (start < 0 || start + surface.length > at + context.length + surface.length) {
      throw new Error(`gold row ${row}: surface ${surface} not in its context`);
    }
    return {
      part: Number(part),
      surface,
      start,
      end: start + surface.length,
      value: Number(value),
      unit,
      qualifier: qualifier ?? '',
      kind,
      metric,
      row,
    };
  });
}

/** The numbers of the seed that are not figures, with every occurrence. */
export function goldNonFigures(text = seedText()): GoldNonFigure[] {
  return rows('seed-2016-not-figures.tsv').map(({ cells }) => {
    const [surface, kind] = cells;
    const spans: { start: number; end: number }[] = [];
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      spans.push({ start: at, end: at + surface.length });
    }
    return { surface, kind, spans };
  });
}

/** A 2016 ledger with one record per gold figure (values in base units). */
export function goldLedger(): LedgerRecord[] {
  return goldClaims().map((g) => ({
    year: 2016,
    metric: g.metric,
    value: g.value,
    unit: g.unit,
    note: '',
    source: { file: 'seed-2016-claims.tsv', row: g.row },
  }));
}
