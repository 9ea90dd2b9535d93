/**
 * Admission of CPU-bound requests: at most `active` run at once, the others wait their turn in
 * arrival order, and a request that would wait longer than `maxWaitMs` (or find `queue` already
 * waiting) is refused at once with 503 and Retry-After, as is one still waiting after `maxWaitMs`. On two cores, fifty searches let in together
 * share the CPU and LanceDB's threads and all finish late (p99 3.3 s); taken in turn, each waits only
 * for those ahead of it, and a crowd beyond what can be served in time is told to come back instead
 * of making everyone's latency grow without limit. Each gated answer carries `Server-Timing:
 * queue;dur=…, run;dur=…` (its wait at the gate and its time in a slot).
 */
import { createMiddleware } from 'hono/factory';
import { GovdraftError } from '../errors.ts';
import { createWaitEstimate } from './admission-wait.ts';

/** How many requests run at once, how many may wait, and the longest expected wait let in. */
export interface AdmissionLimits {
  active: number;
  queue: number;
  maxWaitMs: number;
}

/** What the gate holds now (GET /api/health shows it). */
export interface AdmissionState extends AdmissionLimits {
  running: number;
  waiting: number;
  /** Recent time of a request in its slot (ms, rounded). */
  serviceMs: number;
  /** Requests refused with 503 since the start. */
  refused: number;
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

/** The 503 of a full queue, saying what the gate holds. */
export function serverBusy(held: { running: number; waiting: number }): GovdraftError {
  return new GovdraftError(
    'server_busy',
    `服务繁忙：正在处理 ${held.running} 个请求，另有 ${held.waiting} 个在排队，请 ${retryAfterSeconds} 秒后重试`,
    `Server busy: ${held.running} requests running and ${held.waiting} waiting; retry after ${retryAfterSeconds} s`,
  );
}

const ms = (start: number): string => (performance.now() - start).toFixed(1);

/**
 * Creates a gate.
 * @example const gate = createAdmission({ active: 4, queue: 64, maxWaitMs: 250 }); const leave = await gate.enter(); try { … } finally { leave(); }
 */
export function createAdmission(limits: AdmissionLimits): Admission {
  let running = 0;
  let refused = 0;
  const waiting: { admit(): void; timer: NodeJS.Timeout }[] = [];
  const estimate = createWaitEstimate();
  const leave = (): void => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else running--;
  };
  const once = (): (() => void) => {
    const started = performance.now();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      estimate.served(performance.now() - started);
      leave();
    };
  };
  const busy = (): GovdraftError => {
    refused++;
    return serverBusy({ running, waiting: waiting.length });
  };
  const full = (): boolean =>
    waiting.length >= limits.queue ||
    estimate.expectedWaitMs(waiting.length, limits.active) > limits.maxWaitMs;
  const enter = (): Promise<() => void> => {
    if (running < limits.active) {
      running++;
      return Promise.resolve(once());
    }
    if (full()) return Promise.reject(busy());
    // The slot passes straight from the one leaving to the first in line: `running` stays as it is.
    // One still waiting when its time is up (the machine stalled, a slow request ahead) is told to
    // come back: no answer waits at the gate longer than maxWaitMs.
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => resolve(once()),
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          reject(busy());
        }, limits.maxWaitMs),
      };
      waiting.push(entry);
    });
  };
  return {
    enter,
    state: () => ({
      ...limits,
      running,
      waiting: waiting.length,
      serviceMs: Math.round(estimate.serviceMs()),
      refused,
    }),
    middleware: () =>
      createMiddleware(async (c, next) => {
        if (!isGated(c.req.method, c.req.path)) return next();
        const arrived = performance.now();
        const exit = await enter();
        const queued = ms(arrived);
        const admitted = performance.now();
        try {
          await next();
        } finally {
          exit();
        }
        c.header('Server-Timing', `queue;dur=${queued}, run;dur=${ms(admitted)}`, { append: true });
      }),
  };
}
