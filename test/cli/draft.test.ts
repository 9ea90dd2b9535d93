import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, DraftStats, DraftWarning } from '../../server/draft/index.ts';
import { extractClaims } from '../../server/figures/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { runCli } from '../support/cli.ts';

const ledger = join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv');
const report = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');

/** What `govdraft draft --json` prints. */
interface WholeJson {
  draft: { title: string };
  stats: DraftStats;
  warnings: DraftWarning[];
  audit: AuditEntry[];
}

describe('govdraft draft (built command)', () => {
  let dataDir: string;
  let outDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-draft-'));
    outDir = mkdtempSync(join(tmpdir(), 'govdraft-cli-out-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('drafts 2017 from the bundled 2016 report into Markdown, progress on stderr only', async () => {
    const out = join(outDir, 'draft.md');
    const run = await runCli(
      ['draft', '--year', '2017', '--from-year', '2016', '--ledger', ledger, '--no-tui', '--out', out],
      { dataDir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('正在起草2017年工作总结');
    expect(run.stderr).toContain('【待核实】7 处,新增指标 4 项');
    expect(run.stderr).toContain('核查:相符 47,不符 0,无法核对 7');
    expect(run.stderr).toMatch(/草稿已保存:d2017-/);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown.startsWith('# 甘泉路街道2017年工作总结\n')).toBe(true);
    expect(markdown.match(/^## \(.\)/gm)).toHaveLength(6);
    expect(markdown).toContain('【待核实:上年为4280平方米】');
  });

  it('writes a draft that govdraft check passes with zero contradictions', async () => {
    const out = join(outDir, 'draft.md');
    const run = await runCli(['check', out, '--ledger', ledger, '--year', '2017', '--json'], { dataDir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { summary: { contradicted: number; supported: number } };
    expect(result.summary.contradicted).toBe(0);
    expect(result.summary.supported).toBe(47);
  });

  it('writes Word, and the text to stdout when no --out is given', async () => {
    const docx = join(outDir, 'draft.docx');
    expect((await runCli(['draft', '--year', '2017', '--out', docx], { dataDir })).code).toBe(0);
    const back = await parseReportFile(readFileSync(docx), { fileName: 'draft.docx' });
    expect(back.title).toBe('甘泉路街道2017年工作总结');
    expect(back.parts).toHaveLength(6);
    const run = await runCli(['draft', '--year', '2017', '--no-model'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('甘泉路街道2017年工作总结');
    expect(run.stdout).toContain('  (一)注重保障民生,公共服务能级提升');
  });

  it('drafts from a report file without touching the stored reports', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'govdraft-cli-fresh-'));
    try {
      const run = await runCli(['draft', '--year', '2017', '--from', report, '--ledger', ledger, '--json'], {
        dataDir: fresh,
      });
      expect(run.code).toBe(0);
      const body = JSON.parse(run.stdout) as { draft: { fromReportId: string | null; title: string } };
      expect(body.draft).toMatchObject({ fromReportId: null, title: '甘泉路街道2017年工作总结' });
      expect(run.stderr).not.toContain('首次运行');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('drafts 2018 from the stored 2017 report with no 2018 ledger: every figure marked, exit 0', async () => {
    const text2017 = join(outDir, '2017.txt');
    expect((await runCli(['draft', '--year', '2017', '--no-tui', '--out', text2017], { dataDir })).code).toBe(
      0,
    );
    expect((await runCli(['ingest', text2017], { dataDir })).code).toBe(0);

    const run = await runCli(['draft', '--year', '2018', '--from-year', '2017', '--json'], { dataDir });
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as WholeJson;
    expect(body.draft.title).toBe('甘泉路街道2018年工作总结');
    expect(body.stats.ledgerMissing).toBe(true);
    expect(body.stats.figures).toMatchObject({ updated: 0, recomputed: 0, new: 0 });
    expect(body.stats.figures.pending).toBeGreaterThanOrEqual(40);
    expect(body.stats.check.contradicted).toBe(0);
    expect(body.warnings.map((w) => w.code)).toEqual(['no_ledger']);
    // The audit names each marked figure and last year's ledger row that identified it.
    expect(body.audit).toHaveLength(body.stats.figures.pending);
    const demolished = body.audit.find((e) => e.old === '127处');
    expect(demolished).toMatchObject({
      status: 'pending',
      new: '【待核实:上年为127处】',
      metric: '拆除违法建筑处数',
    });
    expect(demolished?.rows).toEqual([
      expect.objectContaining({ file: 'ganquan-2017-sample.csv', year: 2017 }),
    ]);
    expect(run.stderr).toContain('没有2018年的台账数据\uFF1A全文已照上年报告起草');
    expect(run.stderr).toMatch(/上年表述 \d+ 句已标为〖上年表述\uFF1A…〗/);

    const text2018 = join(outDir, '2018.md');
    const human = await runCli(['draft', '--year', '2018', '--from-year', '2017', '--out', text2018], {
      dataDir,
    });
    expect(human.code, human.stderr).toBe(0);
    const markdown = readFileSync(text2018, 'utf8');
    expect(markdown).toContain('# 甘泉路街道2018年工作总结');
    expect(markdown.match(/^## \(.\)/gm)).toHaveLength(6);
    // Every figure outside a marker would be a figure nobody has verified for 2018.
    expect(extractClaims(markdown.replace(/【待核实[^】]*】/g, ''))).toEqual([]);
    const check = await runCli(['check', text2018, '--year', '2018', '--quiet'], { dataDir });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/上年表述 \d+ 句/);
    expect(check.stdout).toContain('沿用上年的表述\uFF0C请改写或删去\uFF1A〖上年表述\uFF1A');
  }, 240_000);

  it('refuses an unknown output format and two sources, with exit code 2', async () => {
    const pdf = await runCli(['draft', '--year', '2017', '--out', join(outDir, 'x.pdf')], { dataDir });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('不支持的输出格式');
    const two = await runCli(['draft', '--year', '2017', '--from', report, '--from-year', '2016'], {
      dataDir,
    });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--from 与 --from-year 只能给一个');
    const noYear = await runCli(['draft'], { dataDir });
    expect(noYear.code).toBe(2);
  });
});
