import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { GovdraftError } from '../errors.ts';
import { storageError } from '../storage-error.ts';

const writing = { zh: '写入资料库', en: 'write to the store' };

export interface WriterOptions {
  /** How long a write waits for another process's lock before giving up with `store_busy`. */
  waitMs: number;
  /** A lock not refreshed for this long belongs to a dead process and may be taken over. */
  staleMs: number;
}

export const defaultWriterOptions: WriterOptions = { waitMs: 120_000, staleMs: 10_000 };

/** Runs one write at a time: in-process through a promise queue, across processes through a lock file. */
export interface Writer {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * The single serialised writer of a data dir. LanceDB duplicates rows when two `mergeInsert`s run at
 * once, so every write of the store goes through here: queued in this process, and holding
 * `<dataDir>/write.lock` (proper-lockfile, refreshed while held) against other processes.
 */
export function createWriter(dataDir: string, options: WriterOptions = defaultWriterOptions): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  const lockfilePath = join(dataDir, 'write.lock');
  const retryEveryMs = 100;

  const busy = (cause: unknown): GovdraftError =>
    new GovdraftError(
      'store_busy',
      `数据目录正被另一个进程写入,等待 ${Math.round(options.waitMs / 1000)} 秒后仍未释放,请稍后重试`,
      `The store is locked by another writer (write.lock); gave up after ${options.waitMs} ms`,
      { cause },
    );

  // Only a lock held by another process is worth waiting for; a read-only or full disk fails at once.
  const acquire = async (state: { lost: Error | null }): Promise<() => Promise<void>> => {
    const until = Date.now() + options.waitMs;
    for (;;) {
      try {
        return await lockfile.lock(dataDir, {
          lockfilePath,
          stale: options.staleMs,
          retries: 0,
          // The default throws from a timer; record it and fail the write that was running instead.
          onCompromised: (error) => {
            state.lost = error;
          },
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw storageError(error, writing) ?? error;
        if (Date.now() >= until) throw busy(error);
        await new Promise((resolve) => setTimeout(resolve, retryEveryMs));
      }
    }
  };

  const withLock = async <T>(task: () => Promise<T>): Promise<T> => {
    const state: { lost: Error | null } = { lost: null };
    const release = await acquire(state);
    try {
      const result = await task().catch((error: unknown) => {
        throw storageError(error, writing) ?? error;
      });
      if (state.lost) {
        throw new GovdraftError(
          'store_busy',
          '写入期间数据目录的写锁失效(可能被另一个进程接管),请检查后重试',
          `The write lock (write.lock) was compromised during the write: ${state.lost.message}`,
          { cause: state.lost },
        );
      }
      return result;
    } finally {
      if (!state.lost) await release().catch(() => undefined);
    }
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const next = tail.then(() => withLock(task));
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
