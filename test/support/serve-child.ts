/**
 * A real `govdraft serve` child process for tests and benchmarks that measure the server from the
 * outside: its peak resident memory (VmHWM from /proc) and how fast /api/health answers meanwhile.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { packageRoot } from '../../server/paths.ts';

export interface ServeChild {
  url: string;
  child: ChildProcess;
  /** The process's peak resident set so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Peak resident set of a live process in MB, from /proc/<pid>/status (NaN when it is gone). */
export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts `govdraft serve --port 0` from a built dist/ (default: this package's) on a data dir and
 * resolves once it prints its address. `nodeArgs` go to node itself (e.g. --max-old-space-size).
 */
export function startServeChild(
  dataDir: string,
  options: { dist?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<ServeChild> {
  const main = join(options.dist ?? join(packageRoot, 'dist'), 'cli/main.js');
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), main, '--data-dir', dataDir, 'serve', '--port', '0'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANCEDB_LOG: 'error', ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      if (url && child.pid !== undefined) {
        const pid = child.pid;
        resolve({
          url,
          child,
          peakRssMb: () => peakRssMb(pid),
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`serve exited (${code ?? signal}): ${stderr}`)));
  });
}

export interface HealthWatch {
  /** Stops polling; the slowest answer in ms, how many answers came and how many failed. */
  stop(): Promise<{ slowestMs: number; answers: number; failures: number }>;
}

/** GET on a connection of its own (a pooled one the server closed while idle would count as a failure). */
function getStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** Polls `GET /api/health` back to back (a pause of `pauseMs` between answers), timing each answer. */
export function watchHealth(url: string, pauseMs = 100): HealthWatch {
  let running = true;
  let slowestMs = 0;
  let answers = 0;
  let failures = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        if ((await getStatus(`${url}/api/health`, 60_000)) === 200) answers++;
        else failures++;
      } catch {
        failures++;
      }
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { slowestMs, answers, failures };
    },
  };
}
