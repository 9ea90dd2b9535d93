/**
 * District benchmark (issue 15): a synthetic district store — 20 offices × 10 years of reports, ~100k
 * chunks — and, for each measure, govdraft 0.1's figure (its code path timed in the same run where it
 * can be: 0.1's index layout is built beside the store) next to the figure now.
 *   npm run bench district [-- --offices 20 --years 10 --paragraphs 83 --rounds 3 --no-baseline --keep
 *                             --startup-runs 7 --clients 50 --serve-seconds 20]
 * (--keep leaves the store's data dir for a closer look, and says where.) The load average is printed
 * at the start and the end: the machine is shared, so compare a figure with its baseline of the same run.
 * Rows are functions in evals/district/ (rows.ts, chat.ts, processes.ts); add one there and list it below.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { crossOfficeChat } from './district/chat.ts';
import { checkColdStart, serveLoad } from './district/processes.ts';
import type { BenchRow } from './district/rows.ts';
import {
  bulkIngest,
  filteredSearch,
  hybridSearch,
  incrementalAgreement,
  incrementalIngest,
} from './district/rows.ts';
import { buildDistrict, type District, type DistrictOptions } from './district/setup.ts';

/** The rows, in the order they run (later rows see the store as earlier ones left it). */
const rows: ((d: District) => Promise<BenchRow[]>)[] = [
  bulkIngest,
  hybridSearch,
  filteredSearch,
  incrementalIngest,
  incrementalAgreement,
  crossOfficeChat,
  (d) => checkColdStart(d.options.startupRuns),
  (d) => serveLoad(d.options.clients, d.options.serveSeconds),
];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function options(args: string[]): DistrictOptions {
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && /^\d+$/.test(args[i + 1] ?? '') ? Number(args[i + 1]) : fallback;
  };
  return {
    offices: value('offices', 20),
    years: value('years', 10),
    paragraphs: value('paragraphs', 83),
    rounds: value('rounds', 3),
    baseline: !args.includes('--no-baseline'),
    keep: args.includes('--keep'),
    startupRuns: value('startup-runs', 7),
    clients: value('clients', 50),
    serveSeconds: value('serve-seconds', 20),
  };
}

/** Builds the district store, runs every row, prints one table. */
export async function run(args: string[]): Promise<void> {
  const opts = options(args);
  console.log(
    `${opts.offices} offices × ${opts.years} years, ${opts.paragraphs} paragraphs a part; ${opts.rounds} rounds of the retrieval eval's questions; one process, 2 shared cores; load average ${load()}`,
  );
  const district = await buildDistrict(opts);
  const printed: BenchRow[] = [];
  try {
    for (const row of rows) {
      const done = await row(district);
      // Each row as it is measured (on stderr), so a run stopped early still shows what it got.
      for (const r of done)
        process.stderr.write(`  ${r.measure}: ${r.now} (0.1: ${r.before}); load ${load()}\n`);
      printed.push(...done);
    }
  } finally {
    await district.store.close();
    district.db.close();
    if (opts.keep) console.log(`data dir kept: ${district.dataDir}`);
    else rmSync(district.dataDir, { recursive: true, force: true });
  }
  console.log(`\nload average at the end: ${load()}`);
  console.log('\n| measure | 0.1 | now | note |\n|---|---|---|---|');
  for (const r of printed) console.log(`| ${r.measure} | ${r.before} | ${r.now} | ${r.note ?? ''} |`);
}
