/** `npm run bench [name-filter]`: runs every evals/bench-*.ts module; each prints its own figures. */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule } from './types.ts';

process.env.LANCEDB_LOG ??= 'error';
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => /^bench-.*\.ts$/.test(f) && f.includes(filter))
  .sort();
for (const file of files) {
  console.log(`\n## ${file.replace(/^bench-|\.ts$/g, '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  await mod.run(process.argv.slice(3));
}
