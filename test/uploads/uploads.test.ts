import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GovdraftError } from '../../server/errors.ts';
import { corpusDir } from '../../server/paths.ts';
import { createUploads, type Uploads } from '../../server/uploads/uploads.ts';
import { docxBomb } from '../support/hostile-files.ts';

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'));
const ledger = readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv'));
const opened: Uploads[] = [];
const open = (size: number, deadlineMs = 30_000): Uploads => {
  const uploads = createUploads({ size, deadlineMs, memoryMb: 256 });
  opened.push(uploads);
  return uploads;
};
const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-uploads-'));
afterAll(async () => {
  await Promise.all(opened.map((u) => u.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>): Promise<GovdraftError> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as GovdraftError,
  );

describe.each([
  ['in a worker thread', 1],
  ['on the calling thread', 0],
])('uploads %s', (_where, size) => {
  const uploads = open(size);

  it('parses a report and a ledger, and checks a text against them', async () => {
    const report = await uploads.parseReport({ fileName: 'seed.txt', bytes: new Uint8Array(seed) });
    expect(report).toMatchObject({ title: '甘泉路街道2016年工作总结', year: 2016 });
    const records = await uploads.parseLedger({
      fileName: 'ganquan-2016.csv',
      bytes: new Uint8Array(ledger),
    });
    expect(records.length).toBeGreaterThan(30);
    const result = await uploads.check({ text: '2016年全年共拆除违法建筑154处。', stored: records, dataDir });
    expect(result).toMatchObject({ year: 2016, summary: { supported: 1, contradicted: 0 } });
  });

  it('refuses a bomb with the parser\u2019s own error', async () => {
    const error = await failure(uploads.parseReport({ fileName: 'bomb.docx', bytes: await docxBomb(80) }));
    expect(error.code).toBe('file_too_large');
    expect(error.messageZh).toContain('Word 文档解压后超过 64 MB');
  });
});

describe('uploads in a worker thread, past the deadline', () => {
  it('stops the parse and says the file is too complex (422)', async () => {
    const uploads = open(1, 1);
    const error = await failure(uploads.parseReport({ fileName: 'seed.txt', bytes: new Uint8Array(seed) }));
    expect(error.code).toBe('file_too_complex');
    expect(error.messageZh).toBe(
      '上传的文件过于复杂，处理超时：超过 1 毫秒仍未完成，已中止；请检查文件是否损坏，或拆分后再上传',
    );
  });
});
