/**
 * `npm run eval [name-filter]`: runs every evals/eval-*.ts module and prints one table.
 * Exits 1 when an eval misses its target, so the figures can gate a release if wanted.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalModule, EvalResult } from './types.ts';

process.env.LANCEDB_LOG ??= 'error';
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => /^eval-.*\.ts$/.test(f) && f.includes(filter))
  .sort();

const results: EvalResult[] = [];
for (const file of files) {
  const started = performance.now();
  const mod = (await import(pathToFileURL(join(here, file)).href)) as EvalModule;
  const out = await mod.run();
  const rows = Array.isArray(out) ? out : [out];
  for (const row of rows) row.metrics.seconds = ((performance.now() - started) / 1000).toFixed(2);
  results.push(...rows);
}

const format = (value: number | string): string =>
  typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : value;

console.log('\n| eval | result | figures |\n|---|---|---|');
for (const r of results) {
  const figures = Object.entries(r.metrics)
    .map(([key, value]) => `${key}=${format(value)}`)
    .join(' · ');
  console.log(`| ${r.name} | ${r.pass ? 'PASS' : 'FAIL'} | ${figures} |`);
}
for (const r of results) {
  if (!r.details?.length) continue;
  console.log(`\n${r.name}:`);
  for (const line of r.details) console.log(`  ${line}`);
}
if (results.some((r) => !r.pass)) process.exitCode = 1;
