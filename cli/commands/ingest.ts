import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { GovdraftError, toGovdraftError } from '../../server/errors.ts';
import { unwrap } from '../client.ts';
import { type CliContext, contextOf } from '../context.ts';
import { expandFiles } from '../files.ts';
import { info, outJson, printError } from '../output.ts';
import { clock, createProgress, type Progress } from '../progress.ts';
import { readUpload } from '../services/index.ts';

const statusText = {
  added: '已导入',
  replaced: '已更新(替换旧版本)',
  unchanged: '未变化(已导入过)',
} as const;

/** The reports an ingest replaced, as people know them: 替换了《标题》（2016，编号 1a2b3c4d）. */
function replacedText(replaced: { id: string; title: string; year: number | null }[]): string {
  return replaced
    .map((r) => `；替换了《${r.title}》（${r.year ?? '年份不详'}，编号 ${r.id.slice(0, 12)}）`)
    .join('');
}

/** Ingests one file through the API; prints its result (or its error) and says whether it failed. */
async function ingestFile(
  ctx: CliContext,
  path: string,
  run: {
    json: boolean;
    index: 'auto' | 'defer';
    prefix: string;
    progress: Progress | null;
    replace?: string;
  },
): Promise<boolean> {
  const print = (line: string) =>
    run.progress ? run.progress.print(line) : process.stdout.write(`${line}\n`);
  try {
    const json = { ...(await readUpload(path)), ...(run.replace ? { replace: run.replace } : {}) };
    const request = { json, query: { index: run.index } };
    const body = await unwrap(await ctx.client.api.reports.$post(request));
    const r = body.report;
    if (run.json) outJson({ file: path, ...body });
    else {
      const what = `${r.title}(${r.year ?? '年份不详'},${r.parts} 个部分,正文 ${r.paragraphs} 段,${body.chunks} 个检索片段)`;
      print(`${run.prefix}${statusText[body.status]}:${path} → ${what}${replacedText(body.replaced)}`);
    }
    return true;
  } catch (error) {
    const e = toGovdraftError(error);
    // No server: every other file would fail the same way.
    if (e.code === 'server_unreachable') throw e;
    if (run.json) outJson({ file: path, error: e.toJSON().error });
    else {
      // The server only knows the request was too big; the file's own size says why.
      const size =
        e.code === 'payload_too_large' ? `(文件 ${(statSync(path).size / 1048576).toFixed(1)} MB)` : '';
      run.progress?.end();
      printError(e, `${run.prefix}${path}${size}:`);
    }
    return false;
  }
}

/**
 * `govdraft ingest <files…>` — add past reports; idempotent by content hash. Several files take the
 * bulk path: each is written without touching the search index, which is brought up to date once at
 * the end (a progress bar and the time left on stderr meanwhile).
 */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('导入往年报告(.txt .md .html .docx;UTF-8 或 GBK 自动识别;可给目录)')
    .argument('<files...>', '报告文件或目录')
    .option('--replace <id>', '用这份报告替换库中编号为 id 的报告(同一单位同一年度的旧版本会自动替换)')
    .option('--json', '每个文件输出一行 JSON')
    .action(async (paths: string[], options: { json?: boolean; replace?: string }, command: Command) => {
      const ctx = await contextOf(command);
      const files = expandFiles(paths, /\.(txt|md|html?|docx)$/i);
      if (files.length === 0)
        throw new GovdraftError('bad_request', '没有找到可导入的报告文件', 'No report files given');
      if (options.replace && files.length > 1) {
        throw new GovdraftError(
          'bad_request',
          `--replace 只能与一个报告文件一起使用（这里有 ${files.length} 个）`,
          `--replace takes exactly one report file (${files.length} given)`,
        );
      }
      const bulk = files.length > 1;
      const progress = bulk ? createProgress(files.length) : null;
      let failed = 0;
      try {
        for (const [i, path] of files.entries()) {
          const prefix = bulk ? `[${i + 1}/${files.length}] ` : '';
          const run = {
            json: options.json === true,
            index: bulk ? 'defer' : 'auto',
            prefix,
            progress,
            replace: options.replace,
          } as const;
          if (!(await ingestFile(ctx, path, run))) failed++;
          progress?.tick();
        }
      } finally {
        progress?.end();
      }
      // Past the loop only when the server answered: the files it took are indexed once, here.
      if (bulk) await refreshIndex(ctx);
      if (bulk) info(`共 ${files.length} 个文件,成功 ${files.length - failed} 个,失败 ${failed} 个。`);
      if (failed > 0) process.exitCode = 2;
    });
}

/** Brings the search index up to date once, after a bulk ingest. */
async function refreshIndex(ctx: CliContext): Promise<void> {
  info('正在更新检索索引…');
  const started = performance.now();
  const status = await unwrap(await ctx.client.api.corpus.indexes.$post());
  info(
    `检索索引已更新\uFF1A${status.chunks} 个检索片段\uFF0C用时 ${clock(performance.now() - started)}\u3002`,
  );
}
