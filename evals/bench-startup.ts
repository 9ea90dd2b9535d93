/**
 * Start-up benchmark: `govdraft check` on the seed as a new process, as a reviewer runs it, beside a
 * bare `node -e 0` measured in the same run (interleaved, so both see the same machine load).
 *   npm run bench startup [runs]     e.g. npm run bench startup 15
 * Prints the median wall and CPU (user + system) time of each command over `runs` runs (default 11).
 * Linux: CPU time is read with bash's `time`, which counts the child's threads too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir, packageRoot } from '../server/paths.ts';
import { seedPath } from './figures-gold.ts';

const ledgerPath = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
const cli = join(packageRoot, 'dist', 'cli', 'main.js');
/** Issue 15's figures for `govdraft check seed --ledger` before this work (same machine). */
const before = { wall: 1.56, cpu: 1.95 };

interface Row {
  name: string;
  args: string[];
  wall: number[];
  cpu: number[];
}

/** Wall and CPU seconds of one run; throws when the command fails. */
function timed(args: string[]): { wall: number; cpu: number } {
  const script = 'TIMEFORMAT="%R %U %S"; { time "$@" >/dev/null 2>&1; } 2>&1; status=$?; exit $status';
  const run = spawnSync('bash', ['-c', script, 'bench', ...args], {
    cwd: packageRoot,
    encoding: 'utf8',
    env: { ...process.env, LANCEDB_LOG: 'error', NO_COLOR: '1' },
  });
  const [wall, user, system] = run.stdout.trim().split(/\s+/).slice(-3).map(Number);
  if (![wall, user, system].every(Number.isFinite))
    throw new Error(`cannot time ${args.join(' ')}: ${run.stdout}`);
  return { wall, cpu: user + system };
}

/** Runs a command once for its output, failing loudly if it does not do its job. */
function checkOnce(args: string[], expect: (stdout: string, status: number | null) => boolean): void {
  const run = spawnSync(args[0], args.slice(1), { cwd: packageRoot, encoding: 'utf8' });
  if (!expect(run.stdout, run.status))
    throw new Error(`${args.join(' ')} failed (exit ${run.status}): ${run.stderr.slice(0, 300)}`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Median wall and CPU seconds of each start-up command, measured interleaved in one run. */
export interface StartupFigures {
  rows: { name: string; wall: number; cpu: number }[];
  before: { wall: number; cpu: number };
}

/** Builds the CLI, then times `runs` interleaved runs of each command (see the header). */
export async function measureStartup(runs: number): Promise<StartupFigures> {
  execFileSync(
    process.execPath,
    [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: packageRoot },
  );
  const fresh = mkdtempSync(join(tmpdir(), 'govdraft-bench-startup-'));
  const stored = mkdtempSync(join(tmpdir(), 'govdraft-bench-startup-store-'));
  try {
    const node = process.execPath;
    const check = (dataDir: string) => [
      node,
      cli,
      '--data-dir',
      dataDir,
      'check',
      seedPath,
      '--ledger',
      ledgerPath,
      '--json',
    ];
    checkOnce(
      [node, cli, '--data-dir', stored, 'ledger', 'import', ledgerPath],
      (_out, status) => status === 0,
    );
    for (const dir of [fresh, stored])
      checkOnce(check(dir), (out, status) => status === 0 && out.includes('"contradicted":0'));
    const rows: Row[] = [
      { name: 'node -e 0', args: [node, '-e', '0'], wall: [], cpu: [] },
      { name: 'govdraft --help', args: [node, cli, '--help'], wall: [], cpu: [] },
      { name: 'govdraft check seed --ledger (fresh data dir)', args: check(fresh), wall: [], cpu: [] },
      {
        name: 'govdraft check seed --ledger (data dir with a store)',
        args: check(stored),
        wall: [],
        cpu: [],
      },
    ];
    for (let i = 0; i < runs; i++) {
      for (const row of rows) {
        const { wall, cpu } = timed(row.args);
        row.wall.push(wall);
        row.cpu.push(cpu);
      }
    }
    return {
      rows: rows.map((row) => ({ name: row.name, wall: median(row.wall), cpu: median(row.cpu) })),
      before,
    };
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(stored, { recursive: true, force: true });
  }
}

/** Runs the start-up benchmark; `args[0]` is the number of runs of each command. */
export async function run(args: string[]): Promise<void> {
  const runs = Math.max(3, Number(args[0] ?? 11) || 11);
  const figures = await measureStartup(runs);
  console.log(
    `median of ${runs} runs each, interleaved (wall / CPU user+system); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}:`,
  );
  for (const row of figures.rows)
    console.log(`  ${row.name.padEnd(54)} ${row.wall.toFixed(2)} s / ${row.cpu.toFixed(2)} s`);
  console.log(
    `  before (issue 15, check --ledger as a new process):     ${before.wall.toFixed(2)} s / ${before.cpu.toFixed(2)} s; target under 0.60 s wall`,
  );
}
