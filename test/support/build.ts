import { execFileSync } from 'node:child_process';

/**
 * vitest global setup: compile the CLI once so end-to-end tests run the real built command.
 * Type errors do not stop the run (tsc still emits): `npm run typecheck` is where they fail.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    process.stderr.write('warning: tsc reported type errors while building dist/ (see npm run typecheck)\n');
  }
}
