import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../server/draft/index.ts';
import { buildDraft } from '../../server/draft/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { ledgers, report2016 } from '../draft/corpus.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';
import { mountReadOnly, mountTiny, unmount } from '../support/mounts.ts';

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');
const ledgerCsv = readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv')).toString('base64');

async function sampleDraft(): Promise<Draft> {
  const { both } = await ledgers();
  return buildDraft({
    year: 2017,
    report: await report2016(),
    stored: true,
    ledger: both,
    ledgerSource: 'x',
  });
}

/** Each write the API offers, timed: status, the problem body, the seconds it took. */
async function attempts(server: TestServer, draft: Draft) {
  const json = (method: string, body: unknown) => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const tries: [string, () => Promise<Response>][] = [
    [
      'ingest',
      () =>
        server.api('/api/reports', json('POST', { fileName: 'b.txt', text: seed.replace('154处', '155处') })),
    ],
    [
      'ledger',
      () => server.api('/api/ledger', json('POST', { fileName: 'l.csv', contentBase64: ledgerCsv })),
    ],
    ['save draft', () => server.api(`/api/drafts/${draft.id}`, json('PUT', { ...draft, title: '改' }))],
    ['delete draft', () => server.api(`/api/drafts/${draft.id}`, { method: 'DELETE' })],
  ];
  const out: { name: string; status: number; body: string; seconds: number }[] = [];
  for (const [name, attempt] of tries) {
    const started = performance.now();
    const res = await attempt();
    out.push({
      name,
      status: res.status,
      body: await res.text(),
      seconds: (performance.now() - started) / 1000,
    });
  }
  return out;
}

describe('a data dir that cannot be written is reported at once as what it is', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-storage-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('read-only: every write answers 507 不可写 within 2 s, no path in the message, reads still work', async (ctx) => {
    const dataDir = join(dir, 'ro');
    mkdirSync(dataDir);
    const server = await startTestServer({}, dataDir);
    try {
      const draft = await sampleDraft();
      expect(
        (
          await server.api('/api/reports', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ fileName: 'a.txt', text: seed }),
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await server.api(`/api/drafts/${draft.id}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(draft),
          })
        ).status,
      ).toBe(200);
      const why = mountReadOnly(dataDir);
      if (why)
        ctx.skip(`cannot mount a read-only file system here (${why}); the ENOTDIR case below still runs`);
      try {
        for (const attempt of await attempts(server, draft)) {
          expect(attempt.status, attempt.name).toBe(507);
          const { error } = JSON.parse(attempt.body) as { error: { code: string; message_zh: string } };
          expect(error.code, attempt.name).toBe('storage_unwritable');
          expect(error.message_zh, attempt.name).toMatch(/^数据目录不可写（只读文件系统），无法/);
          expect(attempt.body, attempt.name).not.toContain(dataDir);
          expect(attempt.seconds, attempt.name).toBeLessThan(2);
          console.info(
            `read-only data dir, ${attempt.name}: ${attempt.status} in ${attempt.seconds.toFixed(2)} s`,
          );
        }
        const listed = await jsonOf<{ reports: unknown[] }>(await server.api('/api/reports'));
        expect(listed.reports).toHaveLength(1);
        expect((await server.api(`/api/drafts/${draft.id}`)).status).toBe(200);
      } finally {
        unmount(dataDir);
      }
    } finally {
      await server.close();
    }
  });

  it('a file where the data dir should be: 507 不可写 at once, nothing written', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const server = await startTestServer({}, join(dir, 'a-file', 'data'));
    try {
      for (const attempt of await attempts(server, await sampleDraft())) {
        expect(attempt.status, attempt.name).toBe(507);
        expect(JSON.parse(attempt.body).error.message_zh).toMatch(
          /^数据目录不可写（路径中有同名文件而不是目录）/,
        );
        expect(attempt.body).not.toContain(dir);
      }
      expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a folder');
    } finally {
      await server.close();
    }
  });

  it('full: a draft save answers 507 空间不足 and the saved version stays whole', async (ctx) => {
    const dataDir = join(dir, 'full');
    mkdirSync(dataDir);
    const why = mountTiny(dataDir, 8192);
    if (why) ctx.skip(`cannot mount a small tmpfs here (${why})`);
    const server = await startTestServer({}, dataDir);
    try {
      const draft = await sampleDraft();
      const put = (body: Draft) =>
        server.api(`/api/drafts/${draft.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await put(draft)).status).toBe(200);
      const saved = await (await server.api(`/api/drafts/${draft.id}`)).text();
      writeFileSync(join(dataDir, 'filler'), Buffer.alloc(1));
      try {
        writeFileSync(join(dataDir, 'filler'), Buffer.alloc(16 * 1024 * 1024));
      } catch {
        // the disk is now full, as intended
      }
      const started = performance.now();
      const res = await put({ ...draft, title: '改过的标题' });
      expect(res.status).toBe(507);
      const { error } = (await res.json()) as { error: { code: string; message_zh: string } };
      expect(error).toMatchObject({ code: 'storage_full' });
      expect(error.message_zh).toBe('数据目录空间不足（磁盘空间不足），无法保存草稿；请清理磁盘后重试');
      expect((performance.now() - started) / 1000).toBeLessThan(2);
      expect(await (await server.api(`/api/drafts/${draft.id}`)).text()).toBe(saved);
      const ingest = await server.api('/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fileName: 'a.txt', text: seed }),
      });
      expect(ingest.status).toBe(507);
      expect(((await ingest.json()) as { error: { code: string } }).error.code).toBe('storage_full');
      expect((await jsonOf<{ reports: unknown[] }>(await server.api('/api/reports'))).reports).toEqual([]);
      // Space freed: the same ingest goes through, over whatever the failed one left.
      rmSync(join(dataDir, 'filler'));
      const again = await server.api('/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fileName: 'a.txt', text: seed.slice(0, 3000) }),
      });
      expect(again.status, await again.clone().text()).toBe(201);
    } finally {
      await server.close();
      unmount(dataDir);
    }
  });
});
