import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

describe('govdraft ledger with offices (built command)', () => {
  let dataDir: string;
  let draft: string;
  let other: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-offices-'));
    draft = join(dataDir, 'draft.txt');
    writeFileSync(draft, '全年拆除违法建筑154处。\n');
    other = join(dataDir, 'yinhang-2016.csv');
    writeFileSync(other, '年度,指标名称,数值,计量单位\n2016,拆除违法建筑处数,12,处\n');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports one ledger without an office and one with --org, and lists by office', async () => {
    expect(
      (await runCli(['ledger', 'import', join(corpusDir, 'ledgers', 'ganquan-2016.csv')], { dataDir })).code,
    ).toBe(0);
    const named = await runCli(['ledger', 'import', other, '--org', '殷行街道'], { dataDir });
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('单位 殷行街道');
    const listed = await runCli(['ledger', 'list', '--org', '上海市杨浦区人民政府殷行街道办事处', '--json'], {
      dataDir,
    });
    expect(JSON.parse(listed.stdout).records).toEqual([
      expect.objectContaining({ org: '殷行街道', metric: '拆除违法建筑处数', value: 12 }),
    ]);
  }, 180_000);

  it('leaves rows with no office out once there are several offices, says how to assign them, then uses them', async () => {
    const before = await runCli(['check', draft, '--org', '甘泉路街道', '--quiet'], { dataDir });
    expect(before.code).toBe(0);
    expect(before.stderr).toContain('govdraft ledger assign --org');
    expect(before.stdout).toContain('无法核对 1');
    const assigned = await runCli(['ledger', 'assign', '--org', '甘泉路街道', '--file', 'ganquan-2016.csv'], {
      dataDir,
    });
    expect(assigned.stdout).toContain('已把 50 条');
    const after = await runCli(['check', draft, '--org', '甘泉路街道', '--json'], { dataDir });
    const line = JSON.parse(after.stdout);
    expect(line.office).toBe('甘泉路街道');
    expect(line.summary).toMatchObject({ supported: 1, contradicted: 0 });
    // 殷行街道's own row says 12处: for it the same sentence is wrong.
    const yinhang = await runCli(['check', draft, '--org', '殷行街道', '--json'], { dataDir });
    expect(yinhang.code).toBe(1);
    expect(JSON.parse(yinhang.stdout).claims[0]).toMatchObject({ verdict: 'contradicted', expected: 12 });
  }, 180_000);
});
