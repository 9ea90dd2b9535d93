import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { createWorkerPool, type WorkerPool, workerEntry } from '../../server/workers/pool.ts';
import type { testTasks } from './tasks-worker.ts';

const entry = workerEntry(import.meta.url, 'tasks-worker');
let pool: WorkerPool<typeof testTasks>;
const open = (options: Partial<Parameters<typeof createWorkerPool>[0]> = {}) => {
  pool = createWorkerPool<typeof testTasks>({
    entry,
    size: 1,
    maxQueue: 4,
    deadlineMs: 20_000,
    memoryMb: 64,
    ...options,
  });
  return pool;
};
const failure = (promise: Promise<unknown>): Promise<GovdraftError> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as GovdraftError,
  );

afterEach(() => pool?.close());

describe('createWorkerPool', () => {
  it('runs tasks by name in a worker thread and moves transferred buffers', async () => {
    open();
    expect(await pool.run('double', 21)).toBe(42);
    expect(await pool.run('threadId', null)).toBeGreaterThan(0);
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect(await pool.run('sum', bytes, { transfer: [bytes.buffer] })).toBe(10);
    expect(bytes.byteLength).toBe(0);
  });

  it('starts its workers ahead of the first task when warmed', async () => {
    const started = new Set<number>();
    const channel = new BroadcastChannel('tasks-worker-started');
    channel.onmessage = (event) => started.add((event as { data: number }).data);
    try {
      open({ size: 2 });
      pool.warm();
      await vi.waitFor(() => expect(started.size).toBe(2), { timeout: 20_000, interval: 50 });
      const ids = await Promise.all([pool.run('threadId', null), pool.run('threadId', null)]);
      expect(new Set(ids)).toEqual(started);
    } finally {
      channel.close();
    }
  });

  it('brings a GovdraftError back whole: code, both messages, details', async () => {
    open();
    const error = await failure(pool.run('refuse', '导入'));
    expect(GovdraftError.isInstance(error)).toBe(true);
    expect(error.toJSON()).toEqual({
      error: {
        code: 'bad_ledger',
        message_zh: '不要导入',
        message_en: 'no 导入',
        details: [{ row: 3, message_zh: '第3行', message_en: 'row 3' }],
      },
    });
  });

  it('kills a task past its deadline and serves the next one with a fresh worker', async () => {
    open();
    const first = await pool.run('threadId', null);
    const error = await failure(pool.run('spin', null, { deadlineMs: 300 }));
    expect(error.code).toBe('task_timeout');
    expect(error.messageZh).toBe('处理超时：超过 300 毫秒仍未完成，已中止');
    const next = await pool.run('threadId', null);
    expect(next).not.toBe(first);
  });

  it('stops a worker that outgrows its heap, says so, and carries on', async () => {
    open({ memoryMb: 32 });
    const error = await failure(pool.run('hoard', null));
    expect(error.code).toBe('task_out_of_memory');
    expect(error.messageZh).toBe('处理所需内存超过上限（32 MB），已中止');
    expect(await pool.run('double', 2)).toBe(4);
  });

  it('reports a worker that exits mid-task', async () => {
    open();
    const error = await failure(pool.run('exit', null));
    expect(error.code).toBe('internal');
    expect(await pool.run('double', 3)).toBe(6);
  });

  it('queues behind busy workers up to its bound, then refuses with server_busy', async () => {
    open({ maxQueue: 2 });
    const running = pool.run('sleep', 300);
    const queued = [pool.run('double', 1), pool.run('double', 2)];
    const refused = await failure(pool.run('double', 3));
    expect(refused.code).toBe('server_busy');
    expect(await Promise.all([running, ...queued])).toEqual([300, 2, 4]);
  });

  it('fails what is queued or running when closed', async () => {
    open();
    const running = failure(pool.run('sleep', 5_000));
    const queued = failure(pool.run('double', 1));
    await pool.close();
    expect((await running).code).toBe('server_busy');
    expect((await queued).code).toBe('server_busy');
  });
});
