import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';

const reportsDir = join(corpusDir, 'reports');
const fixtures = join(packageRoot, 'test/fixtures/report');

describe('govdraft ingest / reports / search / ledger (built command)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('ingests the bundled reports folder and says what it added', async () => {
    const run = await runCli(['ingest', reportsDir], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已导入');
    expect(run.stdout).toContain('甘泉路街道2016年工作总结(2016,6 个部分');
  });

  it('adds nothing the second time', async () => {
    const run = await runCli(['ingest', reportsDir], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('未变化');
  });

  it('reports every bad file, goes on with the good ones and exits 2', async () => {
    const junk = join(dataDir, 'junk.docx');
    writeFileSync(junk, 'PK\u0003\u0004 this is not a real zip');
    const run = await runCli(
      ['ingest', join(fixtures, 'empty.txt'), junk, join(fixtures, 'headings-cn.txt'), '/nonexistent/x.txt'],
      { dataDir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('empty.txt:文件为空');
    expect(run.stderr).toMatch(/junk\.docx:.*(损坏|无法)/);
    expect(run.stderr).toContain('找不到文件 /nonexistent/x.txt');
    expect(run.stdout).toContain('headings-cn.txt');
    expect(run.stderr).toContain('共 4 个文件,成功 1 个,失败 3 个');
  });

  it('refuses a 50 MB file with a clear message and leaves the store as it was', async () => {
    const big = join(dataDir, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, '甲乙丙丁。\n'));
    const before = await runCli(['reports', '--json'], { dataDir });
    const run = await runCli(['ingest', big], { dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'big.txt:文件过大（50.0 MB），上传文件不能超过 24.0 MB（由 GOVDRAFT_MAX_BODY_MB 决定）；未读取该文件',
    );
    expect((await runCli(['reports', '--json'], { dataDir })).stdout).toBe(before.stdout);
  });

  it('lists the stored reports', async () => {
    const run = await runCli(['reports', '--json'], { dataDir });
    expect(run.code).toBe(0);
    const { reports } = JSON.parse(run.stdout) as { reports: { title: string }[] };
    expect(reports.map((r) => r.title)).toContain('甘泉路街道2016年工作总结');
  });

  it('searches with --json: JSON only on stdout, with citations', async () => {
    const run = await runCli(['search', '帮困救助金额', '-k', '2', '--year', '2016', '--json'], { dataDir });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { hits: { text: string; citation: { part: number } }[] };
    expect(body.hits[0].text).toContain('139.76万元');
    expect(body.hits[0].citation.part).toBe(1);
  });

  it('searches for people: the citation then the passage', async () => {
    const run = await runCli(['search', '独居老人关爱'], { dataDir });
    expect(run.stdout).toMatch(/^\[1\] 《甘泉路街道2016年工作总结》\(一\)注重保障民生/);
    expect(run.stdout).toContain('独居老人');
  });

  it('imports a ledger and refuses a bad one with row numbers', async () => {
    const good = await runCli(['ledger', 'import', join(corpusDir, 'ledgers', 'ganquan-2016.csv')], {
      dataDir,
    });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('50 条记录');
    const bad = await runCli(
      ['ledger', 'import', join(packageRoot, 'test/fixtures/ledger/missing-column.csv')],
      {
        dataDir,
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/错误:.*(缺少|列)/);
  });

  it('shows store counts in doctor, offline', async () => {
    const run = await runCli(['doctor'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/语料库:2 份报告/);
    expect(run.stdout).toContain('台账 50 条记录');
    expect(run.stdout).toContain('离线模式');
  });
});
