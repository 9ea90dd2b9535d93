/** Worker threads for CPU-bound work: a bounded pool with deadlines and per-worker heaps, and its worker side. */
export { hostTasks } from './host.ts';
export {
  createWorkerPool,
  type RunOptions,
  type WorkerPool,
  type WorkerPoolOptions,
  workerEntry,
} from './pool.ts';
export type { TaskTable } from './protocol.ts';
