/**
 * Real read-only and full file systems for tests (root runs them; chmod does not stop root from
 * writing, a read-only bind mount does). Each helper says why it could not, so a test can skip.
 */
import { execFileSync } from 'node:child_process';

/** Runs `mount`/`umount`; the error text when the system refuses. */
function run(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim() || String(error);
  }
}

/** Makes `dir` read-only in place (a read-only bind mount over itself); null, or why it could not. */
export function mountReadOnly(dir: string): string | null {
  const failed = run('mount', ['--bind', dir, dir]);
  if (failed) return failed;
  const remount = run('mount', ['-o', 'remount,bind,ro', dir]);
  if (remount) run('umount', [dir]);
  return remount;
}

/** Mounts a tmpfs of `kilobytes` on `dir`; null, or why it could not. */
export function mountTiny(dir: string, kilobytes: number): string | null {
  return run('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
}

/** Undoes a mount made by these helpers. */
export function unmount(dir: string): void {
  run('umount', [dir]);
}
