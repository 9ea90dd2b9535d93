/** A worker module for the pool's tests: tasks that answer, fail, spin, hoard memory or die. */
import { BroadcastChannel, threadId } from 'node:worker_threads';
import { GovdraftError } from '../../server/errors.ts';
import { hostTasks } from '../../server/workers/host.ts';

/** The tasks, by name (the test imports only their type). */
export const testTasks = {
  double: (n: number) => n * 2,
  sum: (bytes: Uint8Array) => bytes.reduce((a, b) => a + b, 0),
  refuse: (what: string) => {
    throw new GovdraftError('bad_ledger', `不要${what}`, `no ${what}`, {
      details: [{ row: 3, message_zh: '第3行', message_en: 'row 3' }],
    });
  },
  spin: (_: null) => {
    for (;;);
  },
  hoard: (_: null) => {
    const kept: number[][] = [];
    for (;;) kept.push(new Array(100_000).fill(1.5));
  },
  exit: (_: null) => process.exit(3),
  sleep: (ms: number) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)),
  threadId: (_: null) => threadId,
};

hostTasks(testTasks);

// Says it has started, so a test can see workers that no task has reached yet.
const started = new BroadcastChannel('tasks-worker-started');
started.postMessage(threadId);
started.close();
