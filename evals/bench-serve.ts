/**
 * Load run against a real `govdraft serve` process on 127.0.0.1: N concurrent clients post
 * /api/search for a bounded time; prints throughput, p50/p95/p99 latency and the error count, for
 * 0.1's way (every request let in at once) beside the admission queue (GOVDRAFT_MAX_ACTIVE at a time,
 * the rest in turn, 503 past GOVDRAFT_MAX_QUEUE), in the same run.
 * Args: --clients 50 --seconds 20 [--workers N]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../server/paths.ts';

const queries = [
  '拆除违法建筑',
  '独居老人关爱服务',
  '帮困救助金额',
  '网格中心受理案件',
  '社区文化活动中心',
  '共有产权保障住房申请',
  '信访量同比下降',
  '安全生产责任书',
  '志愿服务社区',
  '二次供水改造',
];

const flag = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;

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

export interface LoadFigures {
  ok: number;
  errors: number;
  busy: number;
  latencies: number[];
}

/** `clients` closed-loop clients posting searches until `seconds` have passed. */
async function load(url: string, clients: number, seconds: number): Promise<LoadFigures> {
  const figures: LoadFigures = { ok: 0, errors: 0, busy: 0, latencies: [] };
  const deadline = performance.now() + seconds * 1000;
  const client = async (id: number): Promise<void> => {
    for (let i = id; performance.now() < deadline; i += clients) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: queries[i % queries.length], k: 5 }),
        });
        await res.arrayBuffer();
        if (res.ok) {
          figures.ok++;
          figures.latencies.push(performance.now() - started);
        } else {
          figures.errors++;
          if (res.status === 503) figures.busy++;
        }
      } catch {
        figures.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  figures.latencies.sort((a, b) => a - b);
  return figures;
}

/** One server configuration under load, on its own copy of the bundled corpus. */
export async function measure(
  env: NodeJS.ProcessEnv,
  workers: number | null,
  clients: number,
  seconds: number,
): Promise<LoadFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-load-'));
  const { child, url } = await startServe(dataDir, env, workers);
  try {
    const seeded = await fetch(`${url}/api/corpus/bundled`, { method: 'POST', headers: { origin: url } });
    if (!seeded.ok) throw new Error(`seeding failed: HTTP ${seeded.status}`);
    return await load(url, clients, seconds);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
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
  const ms = (v: number): string => `${v.toFixed(0).padStart(6)} ms`;
  console.log(
    `govdraft serve, ${clients} concurrent clients on POST /api/search for ${seconds} s each (bundled corpus)${workers === null ? '' : `, --workers ${workers}`}`,
  );
  const runs: [string, NodeJS.ProcessEnv][] = [
    ['0.1: all let in at once', { GOVDRAFT_MAX_ACTIVE: '1024', GOVDRAFT_MAX_QUEUE: '100000' }],
    ['admission queue (defaults)', {}],
  ];
  for (const [name, env] of runs) {
    const f = await measure(env, workers, clients, seconds);
    const p = (q: number) => ms(percentile(f.latencies, q));
    console.log(
      `  ${name.padEnd(28)} ok ${String(f.ok).padStart(5)}  errors ${f.errors} (503: ${f.busy})  ${(f.ok / seconds).toFixed(1).padStart(6)} req/s  p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)}`,
    );
  }
}
