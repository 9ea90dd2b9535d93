import type { Command } from 'commander';
import type { BundledFile } from '../../server/corpus.ts';
import { bundledFiles, corpusIsEmpty, ingestBundledFile } from '../bundled.ts';
import { type Client, unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { info, out } from '../output.ts';
import { canRunTui } from '../terminal.ts';

/** On first run with an empty store, loads the bundled demo corpus so a new user can start at once. */
export async function ensureCorpus(client: Client): Promise<void> {
  if (!(await corpusIsEmpty(client))) return;
  info('首次运行:正在导入内置示例语料(甘泉路街道2016年工作总结、台账及2017年示例材料)…');
  const files = await bundledFiles(client);
  for (const [i, file] of files.entries()) {
    info(`  [${i + 1}/${files.length}] ${file.fileName}`);
    await ingestBundledFile(client, file);
  }
  const count = (kind: BundledFile['kind']): number => files.filter((f) => f.kind === kind).length;
  info(`已导入 ${count('report')} 份报告、${count('ledger')} 份台账、${count('material')} 份材料。`);
}

/**
 * `govdraft` with no command: the terminal UI on a terminal; the text home screen when stdin or
 * stdout is not a terminal (pipes, CI), where Ink cannot take raw input.
 */
export function registerHome(program: Command): void {
  program.action(async (_options: unknown, command: Command) => {
    const ctx = await contextOf(command);
    if (canRunTui()) {
      // Loaded on demand: React and Ink are not needed by the text path.
      const { runTui } = await import('../ui/run.tsx');
      return runTui(ctx.client);
    }
    await ensureCorpus(ctx.client);
    const { counts, model } = await unwrap(await ctx.client.api.status.$get({ query: {} }));
    out('govdraft 年度工作总结起草与数字核查');
    out(
      `语料库:${counts.reports} 份报告;台账:${counts.ledgerRecords} 条记录;年度:${counts.years.join('、') || '无'}`,
    );
    out(`模型:${model ? (model.chatModel ?? '未设置对话模型') : '离线模式'}`);
    out('');
    out('常用命令:');
    out('  govdraft draft --year 2017 --out 稿.docx 沿用上年报告起草');
    out('  govdraft check <文稿>                   核查文稿中的每一个数字');
    out('  govdraft ask "2016年拆除了多少违法建筑?" 就往年工作提问');
    out('  govdraft search "拆除违法建筑"          检索往年报告');
    out('  govdraft ingest <文件或目录>            导入往年报告');
    out('  govdraft ledger import <台账.csv|.xlsx> 导入统计台账');
    out('  govdraft --help                         全部命令');
  });
}
