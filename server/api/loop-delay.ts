/**
 * The event loop's delay, as a server under load sees it: how late a timer fires tells whether
 * JavaScript work on the main thread (parsing, JSON, Arrow decoding) holds every other request.
 * Measured by perf_hooks' monitorEventLoopDelay over rolling windows, so a figure read under load
 * says what the last seconds were like, not the whole life of the process.
 */
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** The delay over the last full window, in milliseconds. */
export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The window's length in seconds. */
  windowS: number;
}

const windowS = 5;
let histogram: IntervalHistogram | null = null;
let last: LoopDelay | null = null;

const msOf = (ns: number): number => Math.round(ns / 1e4) / 100;

function snapshot(h: IntervalHistogram): LoopDelay {
  return { p50Ms: msOf(h.percentile(50)), p99Ms: msOf(h.percentile(99)), maxMs: msOf(h.max), windowS };
}

/** Starts measuring (once per process; a server does when it starts). */
export function watchLoopDelay(): void {
  if (histogram) return;
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  histogram = h;
  setInterval(() => {
    last = snapshot(h);
    h.reset();
  }, windowS * 1000).unref();
}

/** The last full window's delay (the current one's before the first has ended); null when not watched. */
export function loopDelay(): LoopDelay | null {
  if (!histogram) return null;
  return last ?? snapshot(histogram);
}
