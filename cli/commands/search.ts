import type { Command } from 'commander';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { citationLabel, indent } from '../format.ts';
import { out, outJson } from '../output.ts';
import { intOption } from '../program.ts';

/** `govdraft search "<query>" [-k 5] [--year N] [--json]` — hybrid search with citations. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('检索往年报告(向量 + 全文混合检索)')
    .argument('<query>', '检索内容,如 “拆除违法建筑”')
    .option('-k, --top <k>', '返回条数', intOption('k'), 5)
    .option('--year <year>', '只看某一年', intOption('year'))
    .option('--org <org>', '只看某个单位')
    .option('--part <n>', '只看第 n 部分', intOption('part'))
    .option('--json', '以 JSON 输出')
    .action(
      async (
        query: string,
        options: { top: number; year?: number; org?: string; part?: number; json?: boolean },
        command: Command,
      ) => {
        const ctx = await contextOf(command);
        const { hits } = await unwrap(
          await ctx.client.api.search.$post({
            json: { query, k: options.top, year: options.year, org: options.org, part: options.part },
          }),
        );
        if (options.json) return outJson({ query, hits });
        if (hits.length === 0) return out(`没有找到与“${query}”相关的段落。`);
        for (const [i, hit] of hits.entries()) {
          out(`[${i + 1}] ${citationLabel(hit.citation)}`);
          out(indent(hit.text));
          out();
        }
      },
    );
}
