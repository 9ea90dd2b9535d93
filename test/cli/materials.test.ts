import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaterialSummary } from '../../server/materials/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

const materials2017 = join(corpusDir, 'materials', '2017');

describe('govdraft materials (built command)', () => {
  let dataDir: string;
  let files: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-materials-'));
    files = mkdtempSync(join(tmpdir(), 'govdraft-cli-materials-files-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('adds a folder of materials for a year, a line per file on stderr', async () => {
    const ledger = await runCli(['ledger', 'import', join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv')], {
      dataDir,
    });
    expect(ledger.code).toBe(0);
    const run = await runCli(['materials', 'add', materials2017, '--year', '2017'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[9/9] 已导入');
    expect(run.stderr).toContain('→ 社区管理办公室(2017年');
    expect(run.stderr).toContain('共 9 个文件,成功 9 个,失败 0 个。');
  });

  it('lists them by year, as JSON too', async () => {
    const text = await runCli(['materials', 'list', '--year', '2017'], { dataDir });
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(9);
    expect(text.stdout).toContain('甘泉苑居委会');
    const json = await runCli(['materials', 'list', '--json'], { dataDir });
    const { materials } = JSON.parse(json.stdout) as { materials: MaterialSummary[] };
    expect(materials.filter((m) => m.flagged)).toEqual([]);
    expect(new Set(materials.map((m) => m.year))).toEqual(new Set([2017]));
  });

  it('goes on past a bad file, names the department given with --from, and exits 2', async () => {
    writeFileSync(join(files, '坏文件.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    writeFileSync(join(files, '小结.txt'), '2017年工作小结\n\n一、拆违\n\n全年拆除违法建筑130处。\n');
    const run = await runCli(['materials', 'add', files, '--year', '2017', '--from', '城管中队'], {
      dataDir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/错误:\[1\/2\] .*坏文件\.txt:文件不是文本/);
    expect(run.stderr).toContain('→ 城管中队(2017年');
    expect(run.stderr).toContain('与台账不符:130处(台账为 127处');
    const list = await runCli(['materials', 'list', '--year', '2017'], { dataDir });
    expect(list.stdout).toMatch(/城管中队 {2}小结\.txt .*【与台账不符 1 处】/);
  });

  it('removes a material by the first characters of its id', async () => {
    const { materials } = JSON.parse((await runCli(['materials', 'list', '--json'], { dataDir })).stdout) as {
      materials: MaterialSummary[];
    };
    const id = materials.find((m) => m.department === '城管中队')?.id ?? '';
    const run = await runCli(['materials', 'remove', id.slice(0, 10)], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已删除材料 ${id.slice(0, 12)}\n`);
    const missing = await runCli(['materials', 'remove', 'ffffffffff'], { dataDir });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('没有找到编号以 ffffffffff 开头的材料');
  });

  it('requires --year when adding', async () => {
    const run = await runCli(['materials', 'add', materials2017], { dataDir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('缺少必需的选项 --year');
  });
});
