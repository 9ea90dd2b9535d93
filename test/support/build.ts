import { execFileSync } from 'node:child_process';

/** The two builds of `npm run build`: the server and CLI for Node, the web page's script for the browser. */
const projects = ['tsconfig.build.json', 'server/web/client'];

/**
 * vitest global setup: compile the CLI and the web page's script once so end-to-end tests run the
 * real built command. Type errors do not stop the run (tsc still emits): `npm run typecheck` is
 * where they fail.
 */
export default function setup(): void {
  for (const project of projects) {
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } catch {
      process.stderr.write(
        `warning: tsc reported type errors while building ${project} (see npm run typecheck)\n`,
      );
    }
  }
}
