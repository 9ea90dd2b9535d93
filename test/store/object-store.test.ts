import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';
import { motoAvailable, type S3Server, startS3Server } from '../support/s3-server.ts';

const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
const ledger2016 = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
const hasMoto = motoAvailable();
if (!hasMoto) console.warn('moto_server is not installed: the object-store tests are skipped');

/**
 * The store on an S3-compatible server (moto on 127.0.0.1, as a MinIO on an intranet would serve it):
 * two processes with their own local data dirs (drafts, lock) share the tables in one bucket.
 */
describe.skipIf(!hasMoto)('store on an object store (s3://, local S3-compatible server)', () => {
  let s3: S3Server;
  let writerDir: string;
  let readerDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    s3 = await startS3Server();
    await s3.createBucket('govdraft');
    writerDir = mkdtempSync(join(tmpdir(), 'govdraft-s3-writer-'));
    readerDir = mkdtempSync(join(tmpdir(), 'govdraft-s3-reader-'));
    env = { ...s3.env, GOVDRAFT_STORE_URI: 's3://govdraft/district' };
  });
  afterAll(async () => {
    await s3?.close();
    for (const dir of [writerDir, readerDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ingests a report and a ledger into the bucket, not the local data dir', async () => {
    const ingest = await runCli(['ingest', seedPath, '--json'], { dataDir: writerDir, env });
    expect(ingest.stderr).toBe('');
    expect(JSON.parse(ingest.stdout)).toMatchObject({ status: 'added' });
    const ledger = await runCli(['ledger', 'import', ledger2016, '--json'], { dataDir: writerDir, env });
    expect(JSON.parse(ledger.stdout)).toMatchObject({ added: 50 });
    const keys = await s3.list('govdraft', 'district/');
    for (const table of ['reports', 'chunks', 'ledger'])
      expect(keys.some((k) => k.startsWith(`district/${table}.lance/`))).toBe(true);
    expect(existsSync(join(writerDir, 'lancedb'))).toBe(false);
  });

  it('serves another process (its own local data dir) from the same bucket', async () => {
    const search = await runCli(['search', '拆除违法建筑', '--json'], { dataDir: readerDir, env });
    expect(search.code).toBe(0);
    const { hits } = JSON.parse(search.stdout) as { hits: { text: string }[] };
    expect(hits[0].text).toContain('违法建筑');
    const check = await runCli(['check', seedPath, '--json'], { dataDir: readerDir, env });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary).toEqual({ supported: 50, contradicted: 0, unverified: 0 });
    const doctor = await runCli(['doctor', '--json'], { dataDir: readerDir, env });
    expect(JSON.parse(doctor.stdout)).toMatchObject({
      store: 's3://govdraft/district',
      counts: { reports: 1, ledgerRecords: 50 },
    });
    // Three CLI processes one after another: a last guard for a busy machine, not a measure.
  }, 180_000);

  it('says clearly when the bucket does not exist', async () => {
    const run = await runCli(['reports', 'list'], {
      dataDir: readerDir,
      env: { ...env, GOVDRAFT_STORE_URI: 's3://no-such-bucket/x' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法打开资料库 s3://no-such-bucket/x\uFF1A存储桶不存在');
    expect(run.stderr).toContain('store_unreachable');
  });
});
