import { describe, expect, it } from 'vitest';
import { clock, createProgress, eta, progressBar, progressLine } from '../../cli/progress.ts';

/** A stderr stand-in that records what is written, as a terminal or as a pipe. */
function sink(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('progress', () => {
  it.each([
    [0, '0:00'],
    [75_000, '1:15'],
    [3_725_000, '1:02:05'],
  ])('clock(%d) is %s', (ms, expected) => {
    expect(clock(ms)).toBe(expected);
  });

  it('estimates the time left from the pace so far', () => {
    expect(eta(0, 10, 5000)).toBeNull();
    expect(eta(5, 20, 10_000)).toBe(30_000);
  });

  it('draws a bar with the count, the share and the time left', () => {
    expect(progressBar(5, 20, 10_000, 8)).toBe('[██░░░░░░] 5/20 25% 已用 0:10 预计剩余 0:30');
    expect(progressBar(0, 3, 0, 4)).toBe('[░░░░] 0/3 0% 已用 0:00 预计剩余 --:--');
    expect(progressLine(5, 20, 10_000)).toBe(
      '进度\uFF1A5/20\uFF0825%\uFF09\uFF0C已用 0:10\uFF0C预计剩余 0:30',
    );
  });

  it('redraws one line in place on a terminal', () => {
    const { stream, writes } = sink(true);
    let now = 0;
    const progress = createProgress(4, stream, () => now);
    now = 2000;
    progress.tick();
    progress.end();
    expect(writes).toEqual([
      '[░░░░░░░░░░░░░░░░░░░░░░░░] 0/4 0% 已用 0:00 预计剩余 --:--',
      '\r\u001B[2K',
      '[██████░░░░░░░░░░░░░░░░░░] 1/4 25% 已用 0:02 预计剩余 0:06',
      '\r\u001B[2K',
    ]);
  });

  it('writes a plain line for each tenth done when piped', () => {
    const { stream, writes } = sink(false);
    let now = 0;
    const progress = createProgress(20, stream, () => now);
    for (let i = 0; i < 20; i++) {
      now += 1000;
      progress.tick();
    }
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe('进度\uFF1A2/20\uFF0810%\uFF09\uFF0C已用 0:02\uFF0C预计剩余 0:18\n');
    expect(writes.at(-1)).toBe('进度\uFF1A20/20\uFF08100%\uFF09\uFF0C已用 0:20\uFF0C预计剩余 0:00\n');
  });
});
