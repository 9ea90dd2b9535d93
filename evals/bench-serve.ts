/**
 * Load run against a real `govdraft serve` process on 127.0.0.1: N concurrent clients post
 * /api/search for a bounded time; prints throughput, p50/p95/p99 latency and the error count.
 * Args: --clients 50 --seconds 20
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

function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(packageRoot, 'dist/cli/main.js'), '--data-dir', dataDir, 'serve', '--port', '0'],
    {
      env: { ...process.env, LANCEDB_LOG: 'error' },
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

/** Runs the load test and prints its figures. */
export async function run(args: string[]): Promise<void> {
  const clients = flag(args, 'clients', 50);
  const seconds = flag(args, 'seconds', 20);
  execFileSync(
    process.execPath,
    [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: packageRoot,
    },
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-load-'));
  const { child, url } = await startServe(dataDir);
  try {
    const seeded = await fetch(`${url}/api/corpus/bundled`, { method: 'POST', headers: { origin: url } });
    if (!seeded.ok) throw new Error(`seeding failed: HTTP ${seeded.status}`);
    const latencies: number[] = [];
    let errors = 0;
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
          if (res.ok) latencies.push(performance.now() - started);
          else errors++;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
    latencies.sort((a, b) => a - b);
    const ms = (v: number): string => `${v.toFixed(1)} ms`;
    console.log(
      `govdraft serve, ${clients} concurrent clients on POST /api/search for ${seconds} s (bundled corpus)`,
    );
    console.log(
      `  requests ok  ${latencies.length}   errors ${errors}   throughput ${(latencies.length / seconds).toFixed(1)} req/s`,
    );
    console.log(
      `  latency      p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   p99 ${ms(percentile(latencies, 99))}`,
    );
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
