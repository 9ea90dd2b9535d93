import type { Command } from 'commander';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { info, out } from '../output.ts';

/** `govdraft reindex` — re-embed every chunk after the embedding model changed. */
export function registerReindex(program: Command): void {
  program
    .command('reindex')
    .description('用当前的向量模型重建全部检索向量(更换 GOVDRAFT_EMBED_MODEL 后需要)')
    .action(async (_options: unknown, command: Command) => {
      const { client } = await contextOf(command);
      info('正在重建检索向量…');
      const { chunks } = await unwrap(await client.api.corpus.reindex.$post());
      out(`已重建 ${chunks} 个检索片段的向量。`);
    });
}
