/**
 * Uploaded files are parsed and checked in worker threads, so one heavy or hostile file never
 * holds the event loop: the server keeps answering while a bomb is refused, and a parse that runs
 * past its deadline or its heap is stopped with a clear 422.
 */
import { GovdraftError } from '../errors.ts';
import type { LedgerRecord } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import { createWorkerPool, workerEntry } from '../workers/index.ts';
import type { CheckInput, FileBytes, uploadTasks } from './tasks.ts';

export interface UploadsOptions {
  /** Worker threads at most; 0 parses on the calling thread (a one-shot command, nothing else to serve). */
  size: number;
  /** How long one file may take. */
  deadlineMs: number;
  /** Each worker's heap in MB. */
  memoryMb: number;
}

/** The outcome of a check: the text, its year, and every claim judged. */
export type CheckOutcome = Awaited<ReturnType<(typeof uploadTasks)['check']>>;

/** Parsing and checking of uploads, off the event loop. */
export interface Uploads {
  parseReport(file: FileBytes): Promise<Report>;
  parseLedger(file: FileBytes & { fileName: string; org?: string }): Promise<LedgerRecord[]>;
  check(input: CheckInput): Promise<CheckOutcome>;
  /** Starts the workers before the first upload. */
  warm(): void;
  close(): Promise<void>;
}

/** Tasks waiting for a worker at most: more uploads at once are refused with 503. */
const maxQueue = 32;

/** Bytes moved to the worker when they own their whole buffer; a slice of a shared pool is copied. */
function movable(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return { bytes, transfer: [buffer] };
  }
  return { bytes: bytes.slice(), transfer: [] };
}

/** A stopped worker says what stopped it in terms of the file. */
function asFileError(error: unknown): unknown {
  if (!GovdraftError.isInstance(error)) return error;
  if (error.code !== 'task_timeout' && error.code !== 'task_out_of_memory') return error;
  return new GovdraftError(
    'file_too_complex',
    `上传的文件过于复杂，${error.messageZh}；请检查文件是否损坏，或拆分后再上传`,
    `The upload is too complex to process: ${error.message}`,
    { cause: error },
  );
}

/** The upload tasks run on this thread: no worker to start, no deadline (a one-shot command). */
function inlineUploads(): Uploads {
  const tasks = async () => (await import('./tasks.ts')).uploadTasks;
  return {
    parseReport: async (file) => (await tasks()).parseReport(file),
    parseLedger: async (file) => (await tasks()).parseLedger(file),
    check: async (input) => (await tasks()).check(input),
    warm: () => undefined,
    close: async () => undefined,
  };
}

/** Creates the uploads pool; its first worker starts with the first upload (or `warm`). */
export function createUploads(options: UploadsOptions): Uploads {
  if (options.size === 0) return inlineUploads();
  const pool = createWorkerPool<typeof uploadTasks>({
    entry: workerEntry(import.meta.url, 'worker'),
    size: options.size,
    maxQueue,
    deadlineMs: options.deadlineMs,
    memoryMb: options.memoryMb,
  });
  const fileTask = async <T>(
    run: (file: Uint8Array, transfer: ArrayBuffer[]) => Promise<T>,
    bytes: Uint8Array,
  ) => {
    const { bytes: moved, transfer } = movable(bytes);
    return run(moved, transfer).catch((error: unknown) => {
      throw asFileError(error);
    });
  };
  return {
    parseReport: (file) =>
      fileTask((bytes, transfer) => pool.run('parseReport', { ...file, bytes }, { transfer }), file.bytes),
    parseLedger: (file) =>
      fileTask((bytes, transfer) => pool.run('parseLedger', { ...file, bytes }, { transfer }), file.bytes),
    check: (input) =>
      pool.run('check', input).catch((error: unknown) => {
        throw asFileError(error);
      }),
    warm: () => pool.warm(),
    close: () => pool.close(),
  };
}
