import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

const materials2017 = join(corpusDir, 'materials', '2017');

describe('govdraft draft --materials (built command)', () => {
  let dataDir: string;
  let outDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-draft-materials-'));
    outDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-draft-materials-out-'));
    const ingest = await runCli(['ingest', join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt')], {
      dataDir,
    });
    expect(ingest.code).toBe(0);
    for (const file of ['ganquan-2016.csv', 'ganquan-2017-sample.csv']) {
      expect((await runCli(['ledger', 'import', join(corpusDir, 'ledgers', file)], { dataDir })).code).toBe(
        0,
      );
    }
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('refuses to draft from materials when the year has none, and says how to add them', async () => {
    const run = await runCli(['draft', '--year', '2017', '--materials', '--no-tui', '--no-model'], {
      dataDir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有2017年的材料');
  });

  it('adds a folder of materials and drafts the year from them, with a sources appendix', async () => {
    const out = join(outDir, 'draft.md');
    const run = await runCli(
      [
        'draft',
        '--year',
        '2017',
        '--from-year',
        '2016',
        '--materials',
        materials2017,
        '--no-model',
        '--trace',
        '--out',
        out,
      ],
      { dataDir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/今年材料 9 份:用到 \d+\/\d+ 句/);
    expect(run.stderr).toContain('不符 0');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('全年服务3620次');
    expect(md).toContain('〖沿用上年·待更新：完成甘泉快捷照护站');
    expect(md).toContain('## 附：逐句来源');
    expect(md).toContain('社区服务办公室材料《社区服务办公室2017年工作总结.docx》');
    expect(md).toMatch(/2017年台账“[^”]+”（ganquan-2017-sample\.csv第\d+行）/);
    const check = await runCli(['check', out, '--year', '2017', '--json'], { dataDir });
    expect(check.code, check.stdout).toBe(0);
  });

  it('writes the appendix into a Word file too', async () => {
    const out = join(outDir, 'draft.docx');
    const run = await runCli(
      ['draft', '--year', '2017', '--materials', '--no-model', '--trace', '--out', out],
      { dataDir },
    );
    expect(run.code, run.stderr).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(out) });
    expect(value).toContain('附：逐句来源');
    expect(value).toContain('上年报告第');
  });
});
