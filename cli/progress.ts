/** Progress of a long command on stderr, so stdout stays the command's results (JSON only with --json). */

/**
 * A duration as m:ss (h:mm:ss past an hour).
 * @example clock(75_000) // '1:15'
 */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Time left at the pace so far; null before anything is done. */
export function eta(done: number, total: number, elapsedMs: number): number | null {
  return done > 0 ? (elapsedMs / done) * (total - done) : null;
}

/**
 * The redrawn line on a terminal: a bar, the count, the share, time used and time left.
 * @example progressBar(5, 20, 10_000, 8) // '[██░░░░░░] 5/20 25% 已用 0:10 预计剩余 0:30'
 */
export function progressBar(done: number, total: number, elapsedMs: number, width = 24): string {
  const filled = Math.round((done / total) * width);
  const left = eta(done, total, elapsedMs);
  return (
    `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ` +
    `${Math.floor((done / total) * 100)}% 已用 ${clock(elapsedMs)} 预计剩余 ${left === null ? '--:--' : clock(left)}`
  );
}

/**
 * The plain line when stderr is not a terminal (a log file keeps every line, so fewer of them).
 * @example progressLine(5, 20, 10_000) // '进度：5/20（25%），已用 0:10，预计剩余 0:30'
 */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const left = eta(done, total, elapsedMs);
  return (
    `进度\uFF1A${done}/${total}\uFF08${Math.floor((done / total) * 100)}%\uFF09\uFF0C已用 ${clock(elapsedMs)}` +
    (left === null ? '' : `\uFF0C预计剩余 ${clock(left)}`)
  );
}

export interface Progress {
  /** One more item done. */
  tick(): void;
  /** Writes a result line to stdout without tearing the bar. */
  print(line: string): void;
  /** Removes the bar (before the command's closing lines). */
  end(): void;
}

/**
 * Progress of `total` items on `stream`: a bar redrawn in place on a terminal, else a plain line each
 * time another tenth is done.
 */
export function createProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  const tty = stream.isTTY === true;
  let done = 0;
  const clear = () => tty && stream.write('\r\u001B[2K');
  const draw = () => tty && stream.write(progressBar(done, total, now() - started));
  draw();
  return {
    tick() {
      done++;
      if (tty) {
        clear();
        draw();
      } else if (Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total)) {
        stream.write(`${progressLine(done, total, now() - started)}\n`);
      }
    },
    print(line) {
      clear();
      process.stdout.write(`${line}\n`);
      draw();
    },
    end() {
      clear();
    },
  };
}
