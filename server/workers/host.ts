/** The worker side of a pool: runs the tasks of a table, one at a time, and answers each. */
import { parentPort } from 'node:worker_threads';
import { type ResultMessage, type TaskMessage, type TaskTable, toWire } from './protocol.ts';

/**
 * Serves `tasks` in this worker thread: the module a pool starts (its `entry`) calls this once.
 * @example hostTasks({ double: (n: number) => n * 2 })
 */
export function hostTasks(tasks: TaskTable): void {
  const port = parentPort;
  if (!port) throw new Error('hostTasks runs in a worker thread started by createWorkerPool');
  port.on('message', async ({ id, task, input }: TaskMessage) => {
    let answer: ResultMessage;
    try {
      const run = tasks[task] as ((input: unknown) => unknown) | undefined;
      if (!run) throw new Error(`unknown task "${task}"`);
      answer = { id, ok: true, value: await run(input) };
    } catch (error) {
      answer = { id, ok: false, error: toWire(error) };
    }
    port.postMessage(answer);
  });
}
