import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { syntheticReport } from '../support/synthetic-reports.ts';

describe('govdraft ingest of a folder (built command)', () => {
  let root: string;
  let folder: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'govdraft-bulk-'));
    folder = join(root, 'reports');
    mkdirSync(folder);
    for (let n = 1; n <= 12; n++) writeFileSync(join(folder, `report-${n}.txt`), syntheticReport(n).text);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('shows progress on stderr, each file on stdout, and brings the index up to date once at the end', async () => {
    const dataDir = join(root, 'data');
    const run = await runCli(['ingest', folder], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(12);
    expect(run.stdout).toContain('[12/12] 已导入');
    const progress = run.stderr.split('\n').filter((line) => line.startsWith('进度\uFF1A'));
    expect(progress.length).toBeGreaterThanOrEqual(9);
    expect(progress.at(-1)).toMatch(
      /^进度\uFF1A12\/12\uFF08100%\uFF09\uFF0C已用 \d+:\d\d\uFF0C预计剩余 0:00$/,
    );
    expect(run.stderr.match(/正在更新检索索引/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/检索索引已更新\uFF1A\d+ 个检索片段/);

    const db = await connect(join(dataDir, 'lancedb'));
    const chunks = await db.openTable('chunks');
    expect(await chunks.indexStats('terms_idx')).toMatchObject({ numUnindexedRows: 0, numIndices: 1 });
    db.close();
  });

  it('keeps stdout to JSON lines with --json', async () => {
    const run = await runCli(['ingest', folder, '--json'], { dataDir: join(root, 'json') });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ status: 'added' });
    expect(run.stderr).toContain('进度\uFF1A');
  });
});
