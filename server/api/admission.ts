/**
 * Admission of CPU-bound requests: at most `active` run at once, the others wait their turn in
 * arrival order, and past `queue` waiting a request is refused at once with 503 and Retry-After.
 * On two cores, fifty searches let in together share the CPU and LanceDB's threads and all finish
 * late (p99 3.3 s); taken in turn, each waits only for those ahead of it, and a crowd beyond the
 * queue is told to come back instead of making everyone's latency grow without limit.
 */
import { createMiddleware } from 'hono/factory';
import { GovdraftError } from '../errors.ts';

/** How many requests run at once and how many may wait. */
export interface AdmissionLimits {
  active: number;
  queue: number;
}

/** What the gate holds now (GET /api/health shows it). */
export interface AdmissionState extends AdmissionLimits {
  running: number;
  waiting: number;
}

/** A gate requests pass through; `enter` resolves with the function that lets the next one in. */
export interface Admission {
  enter(): Promise<() => void>;
  state(): AdmissionState;
  /** The middleware holding gated requests (see `isGated`) at the gate; others pass. */
  middleware(): ReturnType<typeof createMiddleware>;
}

/**
 * The routes whose work is CPU-bound and short: searching, checking, drafting without a model,
 * importing. Streams and model calls (chat, a section, titles) mostly wait, so they are not held here.
 */
const gated = new Set([
  'POST /api/search',
  'POST /api/check',
  'POST /api/ledger',
  'POST /api/reports',
  'POST /api/draft',
  'POST /api/draft/outline',
  'POST /api/draft/check',
  'POST /api/draft/renumber',
  'POST /api/draft/export',
]);

/** Whether a request waits its turn at the gate. */
export function isGated(method: string, path: string): boolean {
  return gated.has(`${method} ${path.replace(/\/+$/, '')}`);
}

/** Seconds a refused client is asked to wait before trying again. */
export const retryAfterSeconds = 1;

/** The 503 of a full queue. */
export function serverBusy(limits: AdmissionLimits): GovdraftError {
  return new GovdraftError(
    'server_busy',
    `服务繁忙：正在处理 ${limits.active} 个请求，另有 ${limits.queue} 个在排队，请 ${retryAfterSeconds} 秒后重试`,
    `Server busy: ${limits.active} requests running and ${limits.queue} waiting; retry after ${retryAfterSeconds} s`,
  );
}

/**
 * Creates a gate.
 * @example const gate = createAdmission({ active: 4, queue: 64 }); const leave = await gate.enter(); try { … } finally { leave(); }
 */
export function createAdmission(limits: AdmissionLimits): Admission {
  let running = 0;
  const waiting: (() => void)[] = [];
  const leave = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const once = (): (() => void) => {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      leave();
    };
  };
  const enter = (): Promise<() => void> => {
    if (running < limits.active) {
      running++;
      return Promise.resolve(once());
    }
    if (waiting.length >= limits.queue) return Promise.reject(serverBusy(limits));
    // The slot passes straight from the one leaving to the first in line: `running` stays as it is.
    return new Promise((resolve) => waiting.push(() => resolve(once())));
  };
  return {
    enter,
    state: () => ({ ...limits, running, waiting: waiting.length }),
    middleware: () =>
      createMiddleware(async (c, next) => {
        if (!isGated(c.req.method, c.req.path)) return next();
        const exit = await enter();
        try {
          await next();
        } finally {
          exit();
        }
      }),
  };
}
