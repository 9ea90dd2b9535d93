/**
 * Rows of `npm run bench district` measured on new processes rather than on the district store:
 * `govdraft check` start-up beside `node -e 0` (bench startup) and `govdraft serve` under 50 clients
 * (bench serve, on the bundled corpus as 0.1's figure was), each against issue 15's 0.1 figure.
 */
import { measure, type ServeFigures } from '../bench-serve.ts';
import { measureStartup } from '../bench-startup.ts';
import { percentile } from '../latency.ts';
import type { BenchRow } from './rows.ts';

const s = (seconds: number) => `${seconds.toFixed(2)} s`;

/** `govdraft check seed --ledger` as a new process, median wall / CPU, beside `node -e 0` in the same run. */
export async function checkColdStart(runs: number): Promise<BenchRow[]> {
  const { rows, before } = await measureStartup(runs);
  const node = rows.find((row) => row.name === 'node -e 0');
  return rows
    .filter((row) => row !== node)
    .map((row) => ({
      measure: `cold start: ${row.name} (wall / CPU)`,
      before:
        row.name.includes('fresh') && node
          ? `${s(before.wall)} / ${s(before.cpu)} (issue 15; node -e 0 0.14 s)`
          : '—',
      now: `${s(row.wall)} / ${s(row.cpu)}`,
      note: node ? `node -e 0 in this run: ${s(node.wall)} / ${s(node.cpu)}; median of ${runs}` : undefined,
    }));
}

/** `govdraft serve` under `clients` closed-loop clients: 0.1's way (all let in) beside the admission gate. */
export async function serveLoad(clients: number, seconds: number): Promise<BenchRow[]> {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const line = (f: ServeFigures) =>
    `${(f.ok / seconds).toFixed(0)} req/s, 200s p50 ${ms(percentile(f.served, 50))}, p99 ${ms(percentile(f.served, 99))}, ${f.errors} errors (503 + Retry-After, retried: ${f.busy})`;
  const all = await measure(
    { GOVDRAFT_MAX_WAIT_MS: '600000', GOVDRAFT_MAX_ACTIVE: '1024', GOVDRAFT_MAX_QUEUE: '100000' },
    null,
    clients,
    seconds,
  );
  const gated = await measure({}, null, clients, seconds);
  return [
    {
      measure: `serve, ${clients} clients × ${seconds} s on POST /api/search (bundled corpus)`,
      before: `151 req/s, p99 3.3 s (issue 15); 0.1's way in this run: ${line(all)}`,
      now: line(gated),
      note: `admission gate (defaults); end to end with retries p50 / p99 ${ms(percentile(gated.endToEnd, 50))} / ${ms(percentile(gated.endToEnd, 99))}`,
    },
  ];
}
