import { availableParallelism } from 'node:os';

/**
 * Gives LanceDB's CPU pool at least 4 threads. With its default of one thread per core, building a
 * full-text index over ~100k chunks on a 2-core machine deadlocks (0% CPU, never returns; seen with
 * 0.31.0, fine with 3 threads or more). The pool reads LANCE_CPU_THREADS when first used, so this must
 * run before the first LanceDB call; an explicit setting in the environment wins.
 */
export function ensureLanceThreads(): void {
  process.env.LANCE_CPU_THREADS ??= String(Math.max(4, availableParallelism()));
}
