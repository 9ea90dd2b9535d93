import type { Command } from 'commander';
import { type Client, unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { info, out } from '../output.ts';

/** On first run with an empty store, loads the bundled demo corpus so a new user can start at once. */
export async function ensureCorpus(client: Client): Promise<void> {
  const { counts } = await unwrap(await client.api.status.$get({ query: {} }));
  if (counts.reports > 0 || counts.ledgerRecords > 0) return;
  info('首次运行:正在导入内置示例语料(甘泉路街道2016年工作总结及台账)…');
  const result = await unwrap(await client.api.corpus.bundled.$post());
  info(`已导入 ${result.reports.length} 份报告、${result.ledgers.length} 份台账。`);
}

/** `govdraft` with no command: the home screen (text form, until the terminal UI takes over). */
export function registerHome(program: Command): void {
  program.action(async (_options: unknown, command: Command) => {
    const ctx = await contextOf(command);
    await ensureCorpus(ctx.client);
    const { counts, model } = await unwrap(await ctx.client.api.status.$get({ query: {} }));
    out('govdraft 年度工作总结起草与数字核查');
    out(
      `语料库:${counts.reports} 份报告;台账:${counts.ledgerRecords} 条记录;年度:${counts.years.join('、') || '无'}`,
    );
    out(`模型:${model ? (model.chatModel ?? '未设置对话模型') : '离线模式'}`);
    out('');
    out('常用命令:');
    out('  govdraft search "拆除违法建筑"          检索往年报告');
    out('  govdraft ingest <文件或目录>            导入往年报告');
    out('  govdraft ledger import <台账.csv|.xlsx> 导入统计台账');
    out('  govdraft --help                         全部命令');
  });
}
