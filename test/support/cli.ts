import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../server/paths.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `govdraft` command as a child process, as a user would. */
export function runCli(
  args: string[],
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): Promise<CliRun> {
  const bin = join(packageRoot, 'dist/cli/main.js');
  const dataArgs = options.dataDir ? ['--data-dir', options.dataDir] : [];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANCEDB_LOG: 'error', ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...dataArgs, ...args], {
      cwd: options.cwd ?? packageRoot,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
