/**
 * Check benchmark: how fast `checkText` reviews a report against its ledger.
 *   npm run bench check [megachars]     e.g. npm run bench check 4
 * Prints the seed report cold (first check in a fresh process: the ledger's metric names are
 * segmented then) and warm, and a large synthetic report warm (target ≥ 1 MB/s). The command as a new
 * process is measured by bench-startup.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerRecord } from '../server/figures/index.ts';
import { checkText, parseLedger } from '../server/figures/index.ts';
import { corpusDir } from '../server/paths.ts';
import { syntheticReport } from '../test/support/synthetic-reports.ts';
import { seedText } from './figures-gold.ts';

const ledgerPath = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
const warmRounds = 5;

/** Milliseconds of the fastest of `rounds` runs. */
function fastest(rounds: number, run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Synthetic reports (the seed's sentences, other offices, changed figures) up to `chars` characters. */
function largeReport(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; length < chars; n++) {
    const text = syntheticReport(n, 20).text;
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join('\n');
}

/** Throughput in characters and in UTF-8 megabytes per second. */
function rate(text: string, ms: number): { line: string; mbPerSecond: number } {
  const seconds = ms / 1000;
  const mbPerSecond = Buffer.byteLength(text, 'utf8') / 1e6 / seconds;
  return {
    line: `${(text.length / 1e6 / seconds).toFixed(2)} M chars/s, ${mbPerSecond.toFixed(1)} MB/s UTF-8`,
    mbPerSecond,
  };
}

/** Runs the check benchmark; `args[0]` is the large report's size in millions of characters. */
export async function run(args: string[]): Promise<void> {
  const megachars = Number(args[0] ?? 2) || 2;
  const ledger: LedgerRecord[] = await parseLedger(readFileSync(ledgerPath), ledgerPath);
  const seed = seedText();

  const coldStarted = performance.now();
  const first = checkText(seed, ledger, {});
  const coldMs = performance.now() - coldStarted;
  const warmMs = fastest(warmRounds, () => checkText(seed, ledger, {}));
  console.log(
    `seed report: ${seed.length} chars, ${first.claims.length} claims — cold ${coldMs.toFixed(1)} ms, warm ${warmMs.toFixed(2)} ms (${rate(seed, warmMs).line})`,
  );

  const large = largeReport(megachars * 1e6);
  const largeResult = checkText(large, ledger, { year: 2016 });
  const largeMs = fastest(2, () => checkText(large, ledger, { year: 2016 }));
  const largeRate = rate(large, largeMs);
  const target = largeRate.mbPerSecond >= 1 ? 'meets' : 'MISSES';
  console.log(
    `large synthetic report: ${large.length} chars, ${largeResult.claims.length} claims — warm ${largeMs.toFixed(0)} ms (${largeRate.line}; ${target} the 1 MB/s target)`,
  );
  console.log('CLI cold start (govdraft check as a new process, beside node -e 0): npm run bench startup');
}
