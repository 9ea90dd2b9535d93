import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { GovdraftError } from '../errors.ts';

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

  const withLock = async <T>(task: () => Promise<T>): Promise<T> => {
    const state: { lost: Error | null } = { lost: null };
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(dataDir, {
        lockfilePath,
        stale: options.staleMs,
        retries: {
          retries: Math.ceil(options.waitMs / retryEveryMs),
          minTimeout: retryEveryMs,
          maxTimeout: retryEveryMs,
          factor: 1,
        },
        // The default throws from a timer; record it and fail the write that was running instead.
        onCompromised: (error) => {
          state.lost = error;
        },
      });
    } catch (error) {
      throw new GovdraftError(
        'store_busy',
        `数据目录正被另一个进程写入,等待 ${Math.round(options.waitMs / 1000)} 秒后仍未释放,请稍后重试`,
        `The store at ${dataDir} is locked by another writer (${lockfilePath}); gave up after ${options.waitMs} ms`,
        { cause: error },
      );
    }
    try {
      const result = await task();
      if (state.lost) {
        throw new GovdraftError(
          'store_busy',
          '写入期间数据目录的写锁失效(可能被另一个进程接管),请检查后重试',
          `The write lock ${lockfilePath} was compromised during the write: ${state.lost.message}`,
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
