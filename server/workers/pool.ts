/**
 * A small pool of worker threads for CPU-bound work that must not hold the event loop: tasks go by
 * name with one input (transferable buffers moved, not copied), a bounded queue refuses work past
 * its length, and a worker that runs past its deadline or out of its heap is killed and replaced.
 */
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Transferable, Worker } from 'node:worker_threads';
import { GovdraftError } from '../errors.ts';
import { fromWire, type ResultMessage, type TaskTable } from './protocol.ts';

export interface WorkerPoolOptions {
  /** The worker module, which calls `hostTasks`; see `workerEntry`. */
  entry: URL;
  /** Workers at most (started on demand, kept while idle without holding the process open). */
  size: number;
  /** Tasks waiting for a worker at most; more are refused with `server_busy`. */
  maxQueue: number;
  /** How long a task may run before its worker is killed (`task_timeout`). */
  deadlineMs: number;
  /** Each worker's heap; past it the worker dies and its task fails with `task_out_of_memory`. */
  memoryMb: number;
}

export interface RunOptions {
  /** Buffers moved to the worker instead of copied (the caller must not use them afterwards). */
  transfer?: Transferable[];
  /** This task's own deadline instead of the pool's. */
  deadlineMs?: number;
}

/** A pool serving the tasks of table `T` (the worker module's `hostTasks` argument). */
export interface WorkerPool<T extends TaskTable> {
  run<K extends keyof T & string>(
    task: K,
    input: Parameters<T[K]>[0],
    options?: RunOptions,
  ): Promise<Awaited<ReturnType<T[K]>>>;
  /** Starts every worker now (a server does, so the first task does not wait for one to load). */
  warm(): void;
  /** Stops every worker; queued and running tasks fail. */
  close(): Promise<void>;
}

/**
 * The URL of worker module `name` beside the calling module: `.ts` when running from sources
 * (tsx, vitest), `.js` when running from the compiled dist/.
 * @example workerEntry(import.meta.url, 'worker') // …/uploads/worker.ts or …/uploads/worker.js
 */
export function workerEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(callerUrl))}`, callerUrl);
}

/** A worker on `entry`; a .ts entry first registers tsx in the worker (its loader does not reach workers from execArgv on Node 20). */
function startWorker(entry: URL, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits, execArgv: [] });
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits, execArgv: [] });
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  transfer: Transferable[];
  deadlineMs: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} 毫秒` : `${Math.round(ms / 100) / 10} 秒`);

function timedOut(job: Job): GovdraftError {
  return new GovdraftError(
    'task_timeout',
    `处理超时：超过 ${duration(job.deadlineMs)}仍未完成，已中止`,
    `Task "${job.task}" ran past its deadline of ${job.deadlineMs} ms and was stopped`,
  );
}

function workerLost(job: Job, error: unknown, memoryMb: number): GovdraftError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new GovdraftError(
      'task_out_of_memory',
      `处理所需内存超过上限（${memoryMb} MB），已中止`,
      `Task "${job.task}" ran out of its ${memoryMb} MB heap`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new GovdraftError('internal', `内部错误：工作线程异常退出（${reason}）`, `Worker died: ${reason}`, {
    cause: error,
  });
}

/**
 * Creates a pool; no worker starts until the first task.
 * @example const pool = createWorkerPool<typeof tasks>({ entry: workerEntry(import.meta.url, 'worker'), size: 1, maxQueue: 16, deadlineMs: 30_000, memoryMb: 256 })
 */
export function createWorkerPool<T extends TaskTable>(options: WorkerPoolOptions): WorkerPool<T> {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const release = (slot: Slot): Job | null => {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    slot.worker.unref();
    return job;
  };

  // A dead, stuck or starved worker is dropped with its task; the next task starts a fresh one.
  const retire = (slot: Slot, error: (job: Job) => GovdraftError): void => {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    const job = release(slot);
    if (job) job.reject(error(job));
    void slot.worker.terminate();
    pump();
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(options.entry, options.memoryMb), job: null };
    slot.worker.unref();
    slot.worker.on('message', (message: ResultMessage) => {
      if (message.id !== slot.job?.id) return;
      const job = release(slot);
      if (message.ok) job?.resolve(message.value);
      else job?.reject(fromWire(message.error));
      pump();
    });
    slot.worker.on('error', (error) => retire(slot, (job) => workerLost(job, error, options.memoryMb)));
    slot.worker.on('exit', (code) =>
      retire(slot, (job) => workerLost(job, new Error(`exit code ${code}`), options.memoryMb)),
    );
    slots.push(slot);
    return slot;
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < options.size ? spawn() : null);
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => retire(slot, timedOut), job.deadlineMs);
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input }, job.transfer);
    }
  };

  return {
    run(task, input, runOptions = {}) {
      if (closed || queue.length >= options.maxQueue) {
        return Promise.reject(
          new GovdraftError(
            'server_busy',
            '服务繁忙：等待处理的任务过多，请稍后重试',
            `Worker queue full (${options.maxQueue} waiting) or pool closed`,
          ),
        );
      }
      return new Promise((resolve, reject) => {
        queue.push({
          id: nextId++,
          task,
          input,
          transfer: runOptions.transfer ?? [],
          deadlineMs: runOptions.deadlineMs ?? options.deadlineMs,
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        pump();
      });
    },
    warm() {
      while (!closed && slots.length < options.size) spawn();
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0))
        job.reject(new GovdraftError('server_busy', '服务正在停止', 'Pool closed'));
      await Promise.all(
        [...slots].map((slot) => {
          retire(slot, () => new GovdraftError('server_busy', '服务正在停止', 'Pool closed'));
          return slot.worker.terminate();
        }),
      );
    },
  };
}
