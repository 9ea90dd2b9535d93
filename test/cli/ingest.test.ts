import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');
const other = [
  '长风新村街道2015年工作总结',
  '2015年,长风新村街道在区委、区政府的领导下,扎实推进各项工作。',
  '一、民生保障',
  '全年为老服务2100余次,发放救助金额86.5万元。',
  '二、城市管理',
  '拆除违法建筑47处,面积0.8万平方米。',
].join('\n');

interface Listed {
  reports: { id: string; title: string; org: string; year: number; fileName: string }[];
}

describe('govdraft ingest: a report replaces only another version of itself (built command)', {
  timeout: 120_000,
}, () => {
  let dir: string;
  let dataDir: string;
  const list = async (): Promise<Listed['reports']> =>
    (JSON.parse((await runCli(['reports', '--json'], { dataDir })).stdout) as Listed).reports;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-ingest-'));
    dataDir = join(dir, 'data');
    mkdirSync(join(dir, 'officeA'));
    mkdirSync(join(dir, 'officeB'));
    writeFileSync(join(dir, 'officeA', '2016.txt'), seed);
    writeFileSync(join(dir, 'officeB', '2016.txt'), other);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps two offices\u2019 files of the same name, both', async () => {
    const run = await runCli(['ingest', join(dir, 'officeA', '2016.txt'), join(dir, 'officeB', '2016.txt')], {
      dataDir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('替换');
    const reports = await list();
    expect(reports.map((r) => [r.org, r.year, r.fileName]).sort()).toEqual([
      ['甘泉路街道', 2016, '2016.txt'],
      ['长风新村街道', 2015, '2016.txt'],
    ]);
  });

  it('replaces a changed file of the same report and says which report it replaced', async () => {
    const before = (await list()).find((r) => r.org === '甘泉路街道');
    writeFileSync(join(dir, 'officeA', '2016.txt'), seed.replace('3400余次', '3500余次'));
    const run = await runCli(['ingest', join(dir, 'officeA', '2016.txt')], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `已更新(替换旧版本):${join(dir, 'officeA', '2016.txt')} → 甘泉路街道2016年工作总结(2016,`,
    );
    expect(run.stdout).toContain(
      `；替换了《甘泉路街道2016年工作总结》（2016，编号 ${before?.id.slice(0, 12)}）`,
    );
    const reports = await list();
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.id)).not.toContain(before?.id);
  });

  it('replaces the report named by --replace, and refuses an unknown id leaving the store as it was', async () => {
    const target = (await list()).find((r) => r.org === '长风新村街道');
    const renamed = join(dir, 'officeB', 'renamed.txt');
    writeFileSync(renamed, other.replace('长风新村街道2015年工作总结', '长风新村街道办事处2015年度工作总结'));
    const unknown = await runCli(['ingest', renamed, '--replace', 'abcdef0123456789'], { dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有找到要替换的报告 abcdef0123456789，未导入任何内容');
    expect(await list()).toHaveLength(2);

    const run = await runCli(['ingest', renamed, '--replace', target?.id ?? '', '--json'], { dataDir });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { status: string; replaced: { id: string; title: string }[] };
    expect(body.status).toBe('replaced');
    expect(body.replaced).toEqual([
      expect.objectContaining({ id: target?.id, title: '长风新村街道2015年工作总结' }),
    ]);
    expect((await list()).map((r) => r.title).sort()).toEqual([
      '甘泉路街道2016年工作总结',
      '长风新村街道办事处2015年度工作总结',
    ]);
  });

  it('takes --replace with one file only', async () => {
    const run = await runCli(
      ['ingest', join(dir, 'officeA'), join(dir, 'officeB'), '--replace', 'abcdef01'],
      {
        dataDir,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--replace 只能与一个报告文件一起使用');
  });
});
