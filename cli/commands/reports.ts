import type { Command } from 'commander';
import { type Client, unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { resolvePrefix } from '../id-prefix.ts';
import { out, outJson } from '../output.ts';

/** Resolves a unique id prefix (as users type them) to a full report id. */
async function resolveId(client: Client, prefix: string): Promise<string> {
  const { reports } = await unwrap(await client.api.reports.$get());
  return resolvePrefix(
    reports.map((r) => r.id),
    prefix,
    '报告',
  );
}

/** `govdraft reports [list|show|delete]` — the stored past reports. */
export function registerReports(program: Command): void {
  const reports = program.command('reports').description('查看、显示、删除已导入的报告');
  reports
    .command('list', { isDefault: true })
    .description('列出已导入的报告')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const list = (await unwrap(await client.api.reports.$get())).reports;
      if (options.json) return outJson({ reports: list });
      if (list.length === 0) return out('还没有导入任何报告。用 govdraft ingest <文件> 导入。');
      for (const r of list) {
        out(
          `${r.id.slice(0, 12)}  ${r.year ?? '----'}  ${r.title}  (${r.parts} 个部分,共 ${r.paragraphs} 段)  ${r.fileName ?? ''}`,
        );
      }
    });
  reports
    .command('show')
    .description('显示一份报告全文')
    .argument('<id>', '报告编号(可只输入前几位)')
    .option('--markdown', '以 Markdown 显示')
    .option('--json', '以 JSON 输出解析结构')
    .action(async (prefix: string, options: { markdown?: boolean; json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const id = await resolveId(client, prefix);
      if (options.json) {
        return outJson(
          await unwrap(await client.api.reports[':id'].$get({ param: { id }, query: { format: 'json' } })),
        );
      }
      const format = options.markdown ? 'markdown' : 'text';
      const body = await unwrap(await client.api.reports[':id'].$get({ param: { id }, query: { format } }));
      out('content' in body ? body.content : '');
    });
  reports
    .command('delete')
    .description('删除一份报告及其检索片段')
    .argument('<id>', '报告编号(可只输入前几位)')
    .action(async (prefix: string, _options: unknown, command: Command) => {
      const { client } = await contextOf(command);
      const id = await resolveId(client, prefix);
      await unwrap(await client.api.reports[':id'].$delete({ param: { id } }));
      out(`已删除报告 ${id.slice(0, 12)}`);
    });
}
