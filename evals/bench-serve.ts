/**
 * Load run against a real `govdraft serve` process on 127.0.0.1: N closed-loop clients post
 * /api/search for a bounded time (see serve-load.ts for what counts as busy and as an error). Three
 * servers in the same run, so every figure stands beside 0.1's: 0.1's way (every request let in at
 * once), the admission queue bounded by length only (64 waiting), and the queue bounded by the
 * expected wait (the defaults). Per server: answers' and 200s' latency, the end-to-end time of a
 * search with its Retry-After waits, where a 200 spent its time (Server-Timing: queue, run, search,
 * json), the event loop's delay (GET /api/health), the server's CPU per search (all its threads:
 * hardly moved by the machine's load) and the load average around the run. Then what one search
 * costs stage by stage, in-process.
 * Args: --clients 50 --seconds 20 [--workers N] [--no-stages]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../server/paths.ts';
import { percentile } from './latency.ts';
import { type LoadFigures, load } from './serve-load.ts';
import { searchStages } from './serve-stages.ts';

const flag = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

function startServe(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  workers: number | null,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(packageRoot, 'dist/cli/main.js'),
      '--data-dir',
      dataDir,
      'serve',
      '--port',
      '0',
      ...(workers === null ? [] : ['--workers', String(workers)]),
    ],
    {
      env: { ...process.env, LANCEDB_LOG: 'error', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** CPU time (user + system, every thread) a process has used, in ms (Linux /proc). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One configuration's load figures with what the server said of itself. */
export interface ServeFigures extends LoadFigures {
  cpuMsPerOk: number;
  loopP99Ms: number | null;
  loopMaxMs: number | null;
  refused: number;
  loadBefore: number;
  loadAfter: number;
}

/** One server configuration under load, on its own copy of the bundled corpus. */
export async function measure(
  env: NodeJS.ProcessEnv,
  workers: number | null,
  clients: number,
  seconds: number,
): Promise<ServeFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-load-'));
  const { child, url } = await startServe(dataDir, env, workers);
  try {
    const seeded = await fetch(`${url}/api/corpus/bundled`, { method: 'POST', headers: { origin: url } });
    if (!seeded.ok) throw new Error(`seeding failed: HTTP ${seeded.status}`);
    const pid = child.pid as number;
    const loadBefore = loadavg()[0];
    const cpuBefore = cpuMsOf(pid);
    const figures = await load(url, clients, seconds);
    const cpu = cpuMsOf(pid) - cpuBefore;
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      load: { refused: number };
      eventLoop: { p99Ms: number; maxMs: number } | null;
    };
    return {
      ...figures,
      cpuMsPerOk: figures.ok ? cpu / figures.ok : Number.NaN,
      loopP99Ms: health.eventLoop?.p99Ms ?? null,
      loopMaxMs: health.eventLoop?.maxMs ?? null,
      refused: health.load.refused ?? 0,
      loadBefore,
      loadAfter: loadavg()[0],
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
const pair = (values: number[]): string =>
  values.length ? `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}` : '—';

/** The lines of one configuration's figures. */
function report(name: string, f: ServeFigures, seconds: number): string[] {
  const stage = (key: string): string => `${key} ${pair(f.stages[key] ?? [])}`;
  return [
    `  ${name}`,
    `    served ${f.ok} (${(f.ok / seconds).toFixed(1)} req/s)  busy 503+Retry-After ${f.busy}  errors ${f.errors}`,
    `    latency p50 / p99: every answer ${pair(f.answers)} · 200s ${pair(f.served)} · end-to-end with retries ${pair(f.endToEnd)} (p95 ${ms(percentile(f.endToEnd, 95))})`,
    `    a 200's time p50 / p99: ${['queue', 'run', 'search', 'json'].map(stage).join(' · ')}`,
    `    event loop delay (last 5 s) p99 ${f.loopP99Ms ?? '—'} ms, max ${f.loopMaxMs ?? '—'} ms · server CPU ${f.cpuMsPerOk.toFixed(1)} ms per search · load average ${f.loadBefore.toFixed(1)} → ${f.loadAfter.toFixed(1)}`,
  ];
}

/** Runs the load test and prints its figures. */
export async function run(args: string[]): Promise<void> {
  const clients = flag(args, 'clients', 50);
  const seconds = flag(args, 'seconds', 20);
  const workers = args.includes('--workers') ? flag(args, 'workers', 1) : null;
  execFileSync(
    process.execPath,
    [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: packageRoot },
  );
  console.log(
    `govdraft serve, ${clients} closed-loop clients on POST /api/search for ${seconds} s each (bundled corpus)${workers === null ? '' : `, --workers ${workers}`}; 2 cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const unbounded = { GOVDRAFT_MAX_WAIT_MS: '600000' };
  const runs: [string, NodeJS.ProcessEnv][] = [
    ['0.1: all let in at once', { ...unbounded, GOVDRAFT_MAX_ACTIVE: '1024', GOVDRAFT_MAX_QUEUE: '100000' }],
    ['queue bounded by length (64 waiting)', unbounded],
    ['queue bounded by expected wait (defaults)', {}],
  ];
  for (const [name, env] of runs) {
    for (const line of report(name, await measure(env, workers, clients, seconds), seconds))
      console.log(line);
  }
  if (args.includes('--no-stages')) return;
  console.log('  one search, stage by stage, in-process, one at a time (wall / CPU per call):');
  for (const s of await searchStages())
    console.log(`    ${s.stage.padEnd(30)} ${s.wallMs.toFixed(2).padStart(7)} / ${s.cpuMs.toFixed(2)} ms`);
}
