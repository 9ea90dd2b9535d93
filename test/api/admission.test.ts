/**
 * The admission queue: CPU-bound requests run a few at a time, the others wait in arrival order,
 * and past the queue a request is refused at once with 503 and Retry-After. Tests follow the gate's
 * state (running, waiting), never the clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmission, isGated } from '../../server/api/admission.ts';
import type { GovdraftError } from '../../server/errors.ts';
import { corpusDir } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');

describe('the admission gate', () => {
  it('lets `active` in, queues the next in arrival order, refuses past the queue', async () => {
    const gate = createAdmission({ active: 1, queue: 2 });
    const first = await gate.enter();
    const order: string[] = [];
    const second = gate.enter().then((leave) => {
      order.push('second');
      return leave;
    });
    const third = gate.enter().then((leave) => {
      order.push('third');
      return leave;
    });
    expect(gate.state()).toEqual({ active: 1, queue: 2, running: 1, waiting: 2 });
    const refused = await gate.enter().catch((e: GovdraftError) => e);
    expect((refused as GovdraftError).code).toBe('server_busy');
    expect((refused as GovdraftError).messageZh).toBe(
      '服务繁忙：正在处理 1 个请求，另有 2 个在排队，请 1 秒后重试',
    );
    first();
    first(); // leaving twice frees one slot only
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(gate.state()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('holds the CPU-bound routes only', () => {
    expect(isGated('POST', '/api/search')).toBe(true);
    expect(isGated('POST', '/api/check/')).toBe(true);
    expect(isGated('POST', '/api/draft/outline')).toBe(true);
    expect(isGated('GET', '/api/health')).toBe(false);
    expect(isGated('GET', '/api/reports')).toBe(false);
    expect(isGated('POST', '/api/chat')).toBe(false);
  });
});

describe('a full queue over HTTP (one at a time, none waiting)', { timeout: 120_000 }, () => {
  let server: TestServer;
  let release: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    server = await startTestServer({ GOVDRAFT_MAX_ACTIVE: '1', GOVDRAFT_MAX_QUEUE: '0' });
  });
  afterAll(async () => {
    await release?.();
    await server?.close();
  });
  const health = async () =>
    jsonOf<{ load: { running: number; waiting: number } }>(await server.api('/api/health'));
  const search = () =>
    server.api('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '拆除违法建筑' }),
    });

  it('answers 503 with Retry-After while an ingest holds the only slot, then serves again', async () => {
    // Another process's write lock holds the ingest inside the gate until the test lets it go.
    release = await lockfile.lock(server.dataDir, { lockfilePath: join(server.dataDir, 'write.lock') });
    const ingest = server.api('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'seed.txt', text: seed }),
    });
    while ((await health()).load.running < 1) await new Promise((resolve) => setImmediate(resolve));

    const refused = await search();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const problem = await jsonOf(refused);
    expect(problem.error.code).toBe('server_busy');
    expect(problem.error.message_zh).toMatch(/^服务繁忙：正在处理 1 个请求/);
    expect((await health()).load).toEqual({ active: 1, queue: 0, running: 1, waiting: 0 });

    await release();
    release = null;
    expect((await ingest).status).toBe(201);
    const served = await search();
    expect(served.status).toBe(200);
    expect((await jsonOf<{ hits: unknown[] }>(served)).hits.length).toBeGreaterThan(0);
    expect((await health()).load).toMatchObject({ running: 0, waiting: 0 });
  });
});
