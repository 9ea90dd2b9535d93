import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckedClaim } from '../../server/figures/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
const ledger2016 = join(corpusDir, 'ledgers', 'ganquan-2016.csv');

describe('govdraft check (built command)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the seed clean against its ledger: exit 0', async () => {
    const run = await runCli(['check', seedPath, '--ledger', ledger2016, '--quiet'], { dataDir: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('合计:相符 50 · 不符 0 · 无法核对 0');
  });

  it('prints JSON Lines in the contract shape and exits 1 on a contradiction', async () => {
    const changed = join(dir, 'changed.txt');
    const { readFileSync } = await import('node:fs');
    writeFileSync(changed, readFileSync(seedPath, 'utf8').replace('总金额139.76万元', '总金额13.976万元'));
    const run = await runCli(['check', seedPath, changed, '--ledger', ledger2016, '--json'], {
      dataDir: dir,
    });
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[1]).sort()).toEqual(['changes', 'claims', 'file', 'office', 'summary']);
    const claim = (lines[1].claims as CheckedClaim[]).find((c) => c.text === '13.976万元');
    expect(Object.keys(claim ?? {}).sort()).toEqual(
      [
        'end',
        'expected',
        'explanation',
        'kind',
        'metric',
        'qualifier',
        'source',
        'start',
        'text',
        'unit',
        'value',
        'verdict',
      ].sort(),
    );
    expect(claim).toMatchObject({ value: 139760, unit: '元', verdict: 'contradicted', expected: 1397600 });
  });

  it('shows problems with the expected value and the source in human output', async () => {
    const changed = join(dir, 'changed.txt');
    const run = await runCli(['check', changed, '--ledger', ledger2016], { dataDir: dir });
    expect(run.stdout).toContain('13.976万元[✗]');
    expect(run.stdout).toMatch(/✗ 第\d+行 “13\.976万元” 不符/);
    expect(run.stdout).toContain('ganquan-2016.csv');
  });

  it('exits 2 with a clear message on an empty file or a bad ledger', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const run = await runCli(['check', empty], { dataDir: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('文件为空');
    const badLedger = join(dir, 'bad.csv');
    writeFileSync(badLedger, '年度,指标名称,数值\n2016,拆除违法建筑处数,很多\n');
    const bad = await runCli(['check', seedPath, '--ledger', badLedger], { dataDir: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('第 2 行');
  });
});
