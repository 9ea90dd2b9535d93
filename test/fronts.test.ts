import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../server/paths.ts';

/** Where a file sits, what it imports, and whether the front rule in biome.json must reject it. */
const cases: { file: string; spec: string; rejected: boolean; dynamic?: true }[] = [
  { file: 'server/chat/a.ts', spec: '../figures/lookup/match.ts', rejected: true },
  { file: 'server/chat/b.ts', spec: '../figures/index.ts', rejected: false },
  { file: 'server/chat/c.ts', spec: '../errors.ts', rejected: false },
  { file: 'server/chat/d.ts', spec: './types.ts', rejected: false },
  { file: 'server/chat/e.ts', spec: '../report/types.ts', rejected: true },
  { file: 'server/review/f.ts', spec: '../draft/docx.ts', rejected: true, dynamic: true },
  { file: 'server/figures/g.ts', spec: './quantities/units.ts', rejected: true },
  { file: 'server/figures/h.ts', spec: './quantities/index.ts', rejected: false },
  { file: 'server/figures/check/i.ts', spec: '../lookup/match.ts', rejected: true },
  { file: 'server/figures/check/j.ts', spec: '../lookup/index.ts', rejected: false },
  { file: 'server/figures/check/k.ts', spec: '../types.ts', rejected: false },
  { file: 'server/figures/check/l.ts', spec: '../index.ts', rejected: true },
  { file: 'server/figures/check/m.ts', spec: '../../report/index.ts', rejected: false },
  { file: 'server/figures/check/n.ts', spec: '../../report/types.ts', rejected: true },
  { file: 'server/figures/check/o.ts', spec: '../../errors.ts', rejected: false },
  { file: 'server/engine-probe.ts', spec: './store/store.ts', rejected: true },
  { file: 'server/app.ts', spec: './api/check.ts', rejected: false, dynamic: true },
  { file: 'cli/ui/p.ts', spec: '../../server/draft/types.ts', rejected: true },
  { file: 'cli/ui/q.ts', spec: '../../server/draft/index.ts', rejected: false },
  { file: 'cli/r.ts', spec: '../server/errors.ts', rejected: false },
  { file: 'evals/s.ts', spec: '../server/figures/check/check.ts', rejected: true },
  { file: 'test/figures/t.test.ts', spec: '../../server/figures/lookup/match.ts', rejected: false },
  { file: 'test/chat/u.test.ts', spec: '../../server/figures/lookup/match.ts', rejected: true },
  { file: 'test/support/v.ts', spec: '../../server/store/store.ts', rejected: true },
];

let dir: string;
let flagged: Set<string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govdraft-fronts-'));
  const config = JSON.parse(readFileSync(join(packageRoot, 'biome.json'), 'utf8'));
  delete config.vcs; // the probe tree is no git checkout
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const c of cases) {
    mkdirSync(join(dir, dirname(c.file)), { recursive: true });
    const text = c.dynamic
      ? `export const load = async () => (await import('${c.spec}')).x;\n`
      : `import { x } from '${c.spec}';\nexport const y = x;\n`;
    writeFileSync(join(dir, c.file), text);
  }
  const biome = join(packageRoot, 'node_modules', '.bin', 'biome');
  const run = spawnSync(biome, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout) as {
    diagnostics: { category: string; location: { path: string } }[];
  };
  flagged = new Set(
    report.diagnostics
      .filter((d) => d.category === 'lint/style/noRestrictedImports')
      .map((d) => d.location.path),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("biome's front rule (noRestrictedImports patterns)", () => {
  it.each(cases)('$file importing $spec: rejected $rejected', ({ file, rejected }) => {
    expect(flagged.has(file)).toBe(rejected);
  });
});
