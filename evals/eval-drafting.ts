/**
 * Drafting eval (issue 4, Done-when): the 2017 draft carried forward from the bundled 2016 report with
 * the sample 2017 ledger, offline. Figures: draft time (in-process and `govdraft draft` as a process,
 * with the corpus already ingested), contradictions when the draft is checked against the sample
 * ledger (target 0), 2016 figures without a 2017 value that are inside 【待核实…】 (target all), the
 * share of the sample ledger's 2017 metrics the draft states (target ≥ 90%), and the draft's shape.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Draft, DraftStats } from '../server/draft/index.ts';
import { checkText, extractClaims, parseLedger } from '../server/figures/index.ts';
import { corpusDir, packageRoot } from '../server/paths.ts';
import { parseReportFile } from '../server/report/index.ts';
import type { EvalResult } from './types.ts';

const ledgerPath = join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv');
const reportPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
const target = { ms: 2000, share: 0.9 };

/** Runs `govdraft draft` as a new process (the built command, else through tsx); wall time and exit code. */
function timeCli(dataDir: string, out: string): { ms: number; code: number | null; how: string } {
  const built = join(packageRoot, 'dist/cli/main.js');
  const entry = existsSync(built) ? [built] : ['--import', 'tsx', join(packageRoot, 'cli/main.ts')];
  const args = ['--data-dir', dataDir, 'draft', '--year', '2017', '--from-year', '2016'];
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [...entry, ...args, '--ledger', ledgerPath, '--no-tui', '--out', out],
    {
      cwd: packageRoot,
      env: { ...process.env, OPENAI_BASE_URL: '', GOVDRAFT_CHAT_MODEL: '', LANCEDB_LOG: 'error' },
      encoding: 'utf8',
    },
  );
  return { ms: performance.now() - started, code: run.status, how: existsSync(built) ? 'dist' : 'tsx' };
}

/** Runs the drafting eval. */
export async function run(): Promise<EvalResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-eval-draft-'));
  try {
    const app = createApp(loadConfig({ dataDir }, {}));
    const post = (path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/api/corpus/bundled', {});
    const ledgerFile = {
      fileName: 'ganquan-2017-sample.csv',
      contentBase64: readFileSync(ledgerPath).toString('base64'),
    };
    // One warm-up, so the in-process figure is the engine's and not the first jieba load.
    await post('/api/draft/outline', { year: 2017, save: false, ledger: ledgerFile });
    const started = performance.now();
    const res = await post('/api/draft', {
      year: 2017,
      fromYear: 2016,
      ledger: ledgerFile,
      mode: 'carry-forward',
    });
    const { draft, stats } = (await res.json()) as { draft: Draft; stats: DraftStats };
    const exported = (await (
      await post('/api/draft/export', { draftId: draft.id, format: 'md' })
    ).json()) as {
      content: string;
    };
    const engineMs = performance.now() - started;
    const markdown = exported.content;

    const cliOut = join(dataDir, 'draft.md');
    const cli = timeCli(dataDir, cliOut);
    const cliMarkdown = existsSync(cliOut) ? readFileSync(cliOut, 'utf8') : '';

    const sample = await parseLedger(readFileSync(ledgerPath), 'ganquan-2017-sample.csv');
    const check = checkText(markdown, sample, { year: 2017 });
    const cliCheck = checkText(cliMarkdown, sample, { year: 2017 });

    // 2016 figures whose metric has no 2017 value: each must sit inside a 【待核实…】 marker.
    const ledger2016 = await parseLedger(
      readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv')),
      'ganquan-2016.csv',
    );
    const report = await parseReportFile(readFileSync(reportPath), { fileName: 'report.txt' });
    const old = checkText(report.text, ledger2016, { year: 2016 }).claims;
    const has2017 = new Set(sample.filter((r) => r.year === 2017).map((r) => r.metric));
    const without = old.filter((c) => c.metric && !c.metric.split('、').some((m) => has2017.has(m)));
    const markers = markdown.match(/【待核实[^】]*】/g) ?? [];
    const marked = without.filter((c) => markers.some((m) => m.includes(c.text.replace(/^达/, ''))));
    const outside = extractClaims(markdown.replace(/【待核实[^】]*】/g, ''));
    const leaked = without.filter((c) => outside.some((o) => o.text === c.text));

    const metrics2017 = [...has2017];
    const stated = new Set(
      check.claims.flatMap((c) => (c.verdict === 'supported' && c.metric ? c.metric.split('、') : [])),
    );
    const appear = metrics2017.filter((m) => stated.has(m));
    const share = appear.length / metrics2017.length;
    const excerpt = draft.parts[0].paragraphs.slice(0, 2).map((p) => p.text);

    const details = [
      `govdraft draft ran through ${cli.how} (exit ${cli.code}); its output checked: ${JSON.stringify(cliCheck.summary)}`,
      ...without.map(
        (c) =>
          `2016 figure without a 2017 value: ${c.text} (${c.metric})${marked.includes(c) ? ' — in a marker' : ' — NOT MARKED'}`,
      ),
      ...metrics2017.filter((m) => !stated.has(m)).map((m) => `2017 metric not stated as a figure: ${m}`),
      ...check.claims
        .filter((c) => c.verdict === 'contradicted')
        .map((c) => `contradicted: ${c.text} — ${c.explanation}`),
      `excerpt: ${draft.title}`,
      ...excerpt.map((t) => `  ${t}`),
    ];
    return {
      name: 'drafting (2016 report → 2017 sample)',
      metrics: {
        cli_ms: Math.round(cli.ms),
        engine_ms: Math.round(engineMs),
        parts: draft.parts.length,
        paragraphs: stats.paragraphs,
        contradicted: check.summary.contradicted,
        cli_contradicted: cliCheck.summary.contradicted,
        supported: check.summary.supported,
        pending_in_markers: `${marked.length}/${without.length}`,
        metrics_stated: `${appear.length}/${metrics2017.length}`,
        metrics_share: share,
        new_metrics: stats.newMetrics,
      },
      pass:
        cli.code === 0 &&
        cli.ms < target.ms &&
        draft.parts.length === 6 &&
        check.summary.contradicted === 0 &&
        cliCheck.summary.contradicted === 0 &&
        marked.length === without.length &&
        leaked.length === 0 &&
        share >= target.share,
      details,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
