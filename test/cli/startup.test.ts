import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
const ledger2016 = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
const trace = pathToFileURL(join(packageRoot, 'test/support/module-trace.mjs')).href;

/** Packages `govdraft check FILE --ledger L` must not load (issue 15 part 4: load only what it needs). */
const notNeeded = [
  '@lancedb/lancedb',
  'apache-arrow',
  'docx',
  'mammoth',
  'exceljs',
  'htmlparser2',
  'opencc-js',
  'fflate',
  'yauzl',
  'react',
  'ink',
  '@langchain/openai',
  'openai',
];

/** The packages (node_modules/<name>) among the modules a command loaded. */
function packagesIn(modules: string[]): Set<string> {
  const names = modules.flatMap((m) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(decodeURIComponent(m));
    return match ? [match[1]] : [];
  });
  return new Set(names);
}

describe('govdraft check start-up (built command)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-startup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks a .txt against a CSV ledger without loading the store, drafting, .docx or UI libraries', async () => {
    const out = join(dir, 'modules.txt');
    const run = await runCli(['check', seedPath, '--ledger', ledger2016, '--json'], {
      dataDir: join(dir, 'data'),
      env: { NODE_OPTIONS: `--import ${trace}`, GOVDRAFT_MODULE_TRACE: out },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ contradicted: 0, unverified: 0 });
    const loaded = packagesIn(readFileSync(out, 'utf8').split('\n'));
    // The trace saw the packages the check does need: it is not empty by accident.
    expect([...loaded]).toEqual(
      expect.arrayContaining(['commander', 'hono', 'zod', 'csv-parse', '@node-rs/jieba']),
    );
    expect(notNeeded.filter((name) => loaded.has(name))).toEqual([]);
  });
});
