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
import { retryAfterMs, whenAdmitted } from '../../server/api/admission-retry.ts';
import type { GovdraftError } from '../../server/errors.ts';
import { corpusDir } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');

describe('the admission gate', () => {
  it('lets `active` in, queues the next in arrival order, refuses past the queue', async () => {
    const gate = createAdmission({ active: 1, queue: 2, maxWaitMs: 600_000 });
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
    expect(gate.state()).toMatchObject({ active: 1, queue: 2, running: 1, waiting: 2, refused: 0 });
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
    expect(gate.state()).toMatchObject({ running: 0, waiting: 0, refused: 1 });
  });

  it('refuses at once a request that would wait past maxWaitMs, from the recent service time', async () => {
    const gate = createAdmission({ active: 1, queue: 100, maxWaitMs: 50 });
    // One request held in its slot for a measured while: the gate now knows what a request costs.
    const first = await gate.enter();
    const start = performance.now();
    while (performance.now() - start < 120);
    first();
    expect(gate.state().serviceMs).toBeGreaterThanOrEqual(120);
    const holder = await gate.enter();
    // One slot, each request ~120 ms: the next in line would wait ~120 ms > 50 ms.
    const refused = await gate.enter().catch((e: GovdraftError) => e);
    expect((refused as GovdraftError).code).toBe('server_busy');
    expect(gate.state()).toMatchObject({ running: 1, waiting: 0, refused: 1 });
    holder();
  });

  it('answers 503 to a request still waiting when maxWaitMs has passed', async () => {
    const gate = createAdmission({ active: 1, queue: 100, maxWaitMs: 1 });
    const holder = await gate.enter();
    const waited = await gate.enter().catch((e: GovdraftError) => e);
    expect((waited as GovdraftError).code).toBe('server_busy');
    expect(gate.state()).toMatchObject({ running: 1, waiting: 0, refused: 1 });
    holder();
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

describe('a client waiting out a busy server', () => {
  const busy = (retryAfter: string | null) =>
    new Response('{}', { status: 503, headers: retryAfter === null ? {} : { 'retry-after': retryAfter } });

  it('reads the wait a 503 asks for, and nothing from other answers', () => {
    expect(retryAfterMs(busy('1'))).toBe(1000);
    expect(retryAfterMs(busy('2'))).toBe(2000);
    expect(retryAfterMs(busy(null))).toBeNull();
    expect(retryAfterMs(busy('soon'))).toBeNull();
    expect(retryAfterMs(new Response('{}', { status: 500, headers: { 'retry-after': '1' } }))).toBeNull();
  });

  it('sends again after each 503 with Retry-After, waiting what it says, until served', async () => {
    const answers = [busy('1'), busy('2'), new Response('ok')];
    const waits: number[] = [];
    const res = await whenAdmitted(
      async () => answers.shift() as Response,
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(await res.text()).toBe('ok');
    expect(waits).toEqual([1000, 2000]);
  });

  it('gives up after eight tries and returns the last 503; a 503 without Retry-After is returned at once', async () => {
    let sent = 0;
    const last = await whenAdmitted(
      async () => {
        sent++;
        return busy('1');
      },
      async () => undefined,
    );
    expect([last.status, sent]).toEqual([503, 8]);
    sent = 0;
    const plain = await whenAdmitted(
      async () => {
        sent++;
        return busy(null);
      },
      async () => undefined,
    );
    expect([plain.status, sent]).toEqual([503, 1]);
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
    expect((await health()).load).toMatchObject({ active: 1, queue: 0, running: 1, waiting: 0, refused: 1 });

    await release();
    release = null;
    expect((await ingest).status).toBe(201);
    const served = await search();
    expect(served.status).toBe(200);
    // Where the answer spent its time: at the gate, in its slot, searching, writing JSON.
    expect(served.headers.get('server-timing')).toMatch(
      /^search;dur=[\d.]+, json;dur=[\d.]+, queue;dur=[\d.]+, run;dur=[\d.]+$/,
    );
    expect((await jsonOf<{ hits: unknown[] }>(served)).hits.length).toBeGreaterThan(0);
    expect((await health()).load).toMatchObject({ running: 0, waiting: 0 });
  });
});
