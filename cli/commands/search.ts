import type { Command } from 'commander';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { citationLabel, indent } from '../format.ts';
import { out, outJson } from '../output.ts';
import { intOption } from '../program.ts';
import { type FilterFlags, withFilters } from './filters.ts';

/** `govdraft search "<query>" [-k 5] [--year N] [--json]` — hybrid search with citations. */
export function registerSearch(program: Command): void {
  withFilters(
    program
      .command('search')
      .description('检索往年报告(向量 + 全文混合检索)')
      .argument('<query>', '检索内容,如 “拆除违法建筑”')
      .option('-k, --top <k>', '返回条数', intOption('k'), 5),
    'only',
  )
    .option('--json', '以 JSON 输出')
    .action(
      async (query: string, options: FilterFlags & { top: number; json?: boolean }, command: Command) => {
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
