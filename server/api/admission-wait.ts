/**
 * How long a newcomer would wait at the admission gate, from how long admitted requests have been
 * taking lately. A queue bounded by length alone lets the wait grow with the machine's load (64
 * searches wait 0.5 s on a quiet machine and 8 s on a busy one); bounded by the expected wait, the
 * queue shortens as the machine slows, and a client past it is told at once to come back.
 */

/** A running estimate of one admitted request's time in its slot. */
export interface WaitEstimate {
  /** Records one admitted request's time in its slot (ms). */
  served(ms: number): void;
  /** The recent time in a slot (ms); 0 before any request was served. */
  serviceMs(): number;
  /** Expected wait (ms) of a request joining behind `waiting` others with `active` slots. */
  expectedWaitMs(waiting: number, active: number): number;
}

/** Weight of the newest sample: about the last ten requests count. */
const weight = 0.1;

/**
 * Creates an estimate (an exponentially weighted mean of service times).
 * @example const e = createWaitEstimate(); e.served(40); e.expectedWaitMs(3, 2) // 80
 */
export function createWaitEstimate(): WaitEstimate {
  let mean = 0;
  return {
    served(ms) {
      mean = mean === 0 ? ms : mean + weight * (ms - mean);
    },
    serviceMs: () => mean,
    // Each of `active` slots frees once per service time: the (waiting+1)-th in line gets one after
    // (waiting+1)/active of them.
    expectedWaitMs: (waiting, active) => ((waiting + 1) * mean) / active,
  };
}
