/**
 * Hostile uploads against a real `govdraft serve` process, one fresh server per file: how long the
 * answer takes, what it is, the slowest /api/health answer meanwhile and the server's peak RSS;
 * plus a 300 MB sparse file given to the CLI (its own peak RSS). Guarded so an unprotected build
 * cannot take the machine down: a server past --max-rss MB or --timeout s is killed.
 * Args: --dist DIR (another build, e.g. the previous version) --timeout 60 --max-rss 3000 --only NAME
 *       --node-args "--max-old-space-size=1024"
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../server/paths.ts';
import {
  docxBomb,
  farCoordinatesXlsx,
  lyingDocxBomb,
  manyEntriesDocx,
  manyKeysJson,
  xlsxBomb,
} from '../test/support/hostile-files.ts';
import { peakRssMb, startServeChild, watchHealth } from '../test/support/serve-child.ts';

const option = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Case {
  name: string;
  route: '/api/reports' | '/api/ledger';
  fileName: string;
  bytes: () => Promise<Buffer>;
}

const cases: Case[] = [
  { name: 'xlsx far coordinates', route: '/api/ledger', fileName: 'far.xlsx', bytes: farCoordinatesXlsx },
  {
    name: 'json 40k distinct keys',
    route: '/api/ledger',
    fileName: 'keys.json',
    bytes: async () => manyKeysJson(),
  },
  { name: 'docx bomb 200 MB', route: '/api/reports', fileName: 'bomb.docx', bytes: () => docxBomb() },
  {
    name: 'docx bomb, lying sizes',
    route: '/api/reports',
    fileName: 'lying.docx',
    bytes: () => lyingDocxBomb(),
  },
  { name: 'xlsx bomb 500 MB', route: '/api/ledger', fileName: 'bomb.xlsx', bytes: () => xlsxBomb() },
  {
    name: 'docx 20k entries',
    route: '/api/reports',
    fileName: 'entries.docx',
    bytes: () => manyEntriesDocx(),
  },
];

interface Outcome {
  answer: string;
  seconds: number;
  healthMs: number;
  peakMb: number;
}

const answerOf = async (res: Response): Promise<string> => {
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
  return `${res.status} ${body.error?.code ?? 'ok'}`;
};

async function attack(c: Case, dist: string, nodeArgs: string[], timeoutS: number, maxRss: number) {
  const bytes = await c.bytes();
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-hostile-'));
  const server = await startServeChild(dataDir, { dist, nodeArgs });
  let peakMb = 0;
  const guard = setInterval(() => {
    peakMb = Math.max(peakMb, server.peakRssMb() || 0);
    if (peakMb > maxRss) server.child.kill('SIGKILL');
  }, 50);
  const health = watchHealth(server.url);
  const started = performance.now();
  let answer: string;
  try {
    const res = await fetch(`${server.url}${c.route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: c.fileName, contentBase64: bytes.toString('base64') }),
      signal: AbortSignal.timeout(timeoutS * 1000),
    });
    answer = await answerOf(res);
  } catch (error) {
    const died = await Promise.race([
      new Promise<boolean>((resolve) => server.child.once('exit', () => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(server.child.exitCode !== null), 2000)),
    ]);
    answer = died ? 'server died' : String((error as Error).name);
  }
  const seconds = (performance.now() - started) / 1000;
  peakMb = Math.max(peakMb, server.peakRssMb() || 0);
  const { slowestMs } = await health.stop();
  clearInterval(guard);
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return { size: bytes.length, outcome: { answer, seconds, healthMs: slowestMs, peakMb } };
}

/** `govdraft --server URL ingest <300 MB sparse file>`: the CLI's answer, time and peak RSS. */
async function sparseToCli(dist: string, timeoutS: number, maxRss: number): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'govdraft-sparse-'));
  const file = join(dir, '报告.txt');
  writeFileSync(file, '');
  truncateSync(file, 300 * 1024 * 1024);
  const server = await startServeChild(join(dir, 'data'), { dist });
  const health = watchHealth(server.url);
  const started = performance.now();
  const cli = spawn(process.execPath, [join(dist, 'cli/main.js'), '--server', server.url, 'ingest', file], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANCEDB_LOG: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    if (cli.pid) peak = Math.max(peak, peakRssMb(cli.pid) || 0);
    if (peak > maxRss) cli.kill('SIGKILL');
  }, 20);
  const killer = setTimeout(() => cli.kill('SIGKILL'), timeoutS * 1000);
  let stderr = '';
  cli.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  clearInterval(sampler);
  clearTimeout(killer);
  const seconds = (performance.now() - started) / 1000;
  const { slowestMs } = await health.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  const said = stderr.split('\n')[0]?.slice(0, 60) ?? '';
  return { answer: `exit ${code}: ${said}`, seconds, healthMs: slowestMs, peakMb: peak };
}

/** Runs every hostile case and prints one line each. */
export async function run(args: string[]): Promise<void> {
  const dist = option(args, 'dist') ?? join(packageRoot, 'dist');
  const timeoutS = Number(option(args, 'timeout') ?? 60);
  const maxRss = Number(option(args, 'max-rss') ?? 3000);
  const only = option(args, 'only') ?? '';
  const nodeArgs = (option(args, 'node-args') ?? '').split(' ').filter(Boolean);
  if (!option(args, 'dist')) {
    execFileSync(
      process.execPath,
      [join(packageRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: packageRoot,
      },
    );
  }
  console.log(`govdraft serve from ${dist}; a server past ${maxRss} MB or ${timeoutS} s is killed`);
  const line = (name: string, size: string, o: Outcome): void =>
    console.log(
      `  ${name.padEnd(26)} ${size.padStart(9)}  ${o.answer.padEnd(28)} ${o.seconds.toFixed(1).padStart(6)} s  health max ${Math.round(
        o.healthMs,
      )
        .toString()
        .padStart(6)} ms  peak RSS ${Math.round(o.peakMb).toString().padStart(5)} MB`,
    );
  for (const c of cases.filter((x) => x.name.includes(only))) {
    const { size, outcome } = await attack(c, dist, nodeArgs, timeoutS, maxRss);
    line(c.name, `${(size / 1024).toFixed(0)} KB`, outcome);
  }
  if ('cli sparse 300 MB'.includes(only))
    line('cli sparse 300 MB', '300 MB', await sparseToCli(dist, timeoutS, maxRss));
}
