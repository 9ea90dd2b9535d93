import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@lancedb/lancedb';
import lockfile from 'proper-lockfile';
import { afterEach, describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { packageRoot } from '../../server/paths.ts';
import { createLexicalEmbedder } from '../../server/store/embed-lexical.ts';
import { openStore } from '../../server/store/lance-open.ts';
import { syntheticReport } from '../support/synthetic-reports.ts';

const worker = join(packageRoot, 'test/support/store-worker.ts');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govdraft-procs-'));
  dirs.push(dir);
  return dir;
}

interface Run {
  child: ChildProcess;
  lines: string[];
  /** What it wrote to stderr, shown when it fails. */
  errors: string[];
}

function startWorker(dataDir: string, first: number, last: number, paragraphs = 3, killAt = 0): Run {
  const args = [worker, dataDir, String(first), String(last), String(paragraphs), String(killAt)];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: packageRoot,
    env: { ...process.env, LANCEDB_LOG: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { child, lines: [], errors: [] };
  child.stderr?.on('data', (data: Buffer) => run.errors.push(data.toString()));
  let buffered = '';
  child.stdout?.on('data', (data: Buffer) => {
    buffered += data.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    run.lines.push(...parts);
  });
  return run;
}

async function exitCode(run: Run): Promise<number | null> {
  if (run.child.exitCode !== null) return run.child.exitCode;
  const [code] = await once(run.child, 'exit');
  return code as number | null;
}

/** The store's view and the raw tables, to check that no partial report and no duplicate is visible. */
async function inspect(dataDir: string) {
  const store = await openStore({ dataDir, embedder: createLexicalEmbedder(), lock: { staleMs: 2000 } });
  const reports = await store.listReports();
  const db = await connect(join(dataDir, 'lancedb'));
  const chunkRows = await (await db.openTable('chunks')).query().select(['id', 'reportId']).toArray();
  const reportRows = await (await db.openTable('reports')).query().select(['id']).toArray();
  db.close();
  return { store, reports, chunkRows, reportRows };
}

describe('two processes writing one data dir', () => {
  it('both finish, every report lands once, no chunk is duplicated', async () => {
    const dataDir = tempDir();
    const a = startWorker(dataDir, 1, 6);
    const b = startWorker(dataDir, 4, 9);
    expect(await exitCode(a), a.errors.join('')).toBe(0);
    expect(await exitCode(b), b.errors.join('')).toBe(0);
    expect(a.lines).toHaveLength(6);
    expect(b.lines).toHaveLength(6);
    // Reports 4–6 were offered by both: one process added each, the other found it unchanged.
    for (const n of [4, 5, 6]) {
      const statuses = [...a.lines, ...b.lines]
        .filter((l) => l.startsWith(`committed ${n} `))
        .map((l) => l.split(' ')[2]);
      expect(statuses.sort()).toEqual(['added', 'unchanged']);
    }

    const { store, reports, chunkRows, reportRows } = await inspect(dataDir);
    expect(reports).toHaveLength(9);
    expect(reportRows).toHaveLength(9);
    expect(new Set(chunkRows.map((r) => r.id)).size).toBe(chunkRows.length);
    expect(chunkRows).toHaveLength(reports.reduce((sum, r) => sum + r.chunks, 0));
    expect(new Set(reports.map((r) => r.id))).toEqual(
      new Set(Array.from({ length: 9 }, (_, i) => syntheticReport(i + 1).id)),
    );
    await store.close();
  }, 120_000);
});

describe('a killed ingest', () => {
  it('leaves the store readable with only complete reports; the next write cleans up', async () => {
    const dataDir = tempDir();
    // 50 paragraphs a part: over 256 chunks, two embedding batches a report. Call 4 is report 2's
    // second batch: report 1 is committed, report 2 has 256 chunks written and no reports row.
    const run = startWorker(dataDir, 1, 3, 50, 4);
    const [, signal] = await once(run.child, 'exit');
    expect(signal).toBe('SIGKILL');
    expect(run.lines).toEqual(['committed 1 added']);

    const { store, reports, chunkRows } = await inspect(dataDir);
    expect(reports.map((r) => r.id)).toEqual([syntheticReport(1, 50).id]);
    expect(await store.getReport(reports[0].id)).toEqual(syntheticReport(1, 50));
    const orphans = chunkRows.filter((r) => r.reportId === syntheticReport(2, 50).id);
    expect(orphans).toHaveLength(256);
    expect(await store.counts()).toMatchObject({ reports: 1, chunks: reports[0].chunks });
    const hits = await store.textSearch('社区', {}, 50);
    expect(hits).toHaveLength(50);
    expect(hits.every((h) => h.reportId === reports[0].id)).toBe(true);
    const near = await store.vectorSearch(await store.embedQuery('社区服务'), {}, 50);
    expect(near.every((h) => h.reportId === reports[0].id)).toBe(true);

    // The dead writer's lock goes stale; the next write takes it over and removes the orphans.
    expect((await store.ingestReport(syntheticReport(2, 50))).status).toBe('added');
    const after = await inspect(dataDir);
    expect(after.reports).toHaveLength(2);
    expect(after.chunkRows).toHaveLength(after.reports.reduce((sum, r) => sum + r.chunks, 0));
    expect(new Set(after.chunkRows.map((r) => r.id)).size).toBe(after.chunkRows.length);
    await after.store.close();
    await store.close();
  }, 120_000);
});

describe('a writer that cannot get the lock', () => {
  it('waits its bounded time, then fails with store_busy in Chinese', async () => {
    const dataDir = tempDir();
    const store = await openStore({ dataDir, embedder: createLexicalEmbedder(), lock: { waitMs: 300 } });
    const release = await lockfile.lock(dataDir, { lockfilePath: join(dataDir, 'write.lock') });
    const started = Date.now();
    const error = await store
      .importLedger([
        {
          year: 2016,
          metric: '失业控制数',
          value: 2285,
          unit: '人',
          note: '',
          source: { file: 'x.csv', row: 2 },
        },
      ])
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(GovdraftError.isInstance(error)).toBe(true);
    expect((error as GovdraftError).code).toBe('store_busy');
    expect((error as GovdraftError).messageZh).toMatch(/另一个进程/);
    await release();
    expect(await store.importLedger([])).toEqual({ added: 0, replaced: 0 });
    await store.close();
  });
});
