/**
 * A process that saves one draft over and over (each version with a bigger paragraph), printing
 * `saved <n>` after each save, until it is killed — for the crash test of the workspace.
 * Usage: node --import tsx workspace-worker.ts <dataDir> <draft.json>
 */
import { readFileSync } from 'node:fs';
import type { Draft } from '../../server/draft/types.ts';
import { openWorkspace } from '../../server/draft/workspace.ts';

const [dataDir, draftFile] = process.argv.slice(2);
const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as Draft;
const workspace = openWorkspace(dataDir);
for (let n = 1; ; n++) {
  const closing = draft.closing.map((p) => ({
    ...p,
    text: `版本${n}。${'继续推进各项工作。'.repeat(2000)}`,
  }));
  await workspace.save({ ...draft, title: `版本${n}`, closing });
  process.stdout.write(`saved ${n}\n`);
}
