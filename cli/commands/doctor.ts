import type { Command } from 'commander';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { out, outJson } from '../output.ts';

/** `govdraft doctor` — configuration, store counts and model reachability. */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('检查配置、语料库与模型连通性')
    .option('--json', '以 JSON 输出')
    .action(async (options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(command);
      const health = await unwrap(await ctx.client.api.health.$get());
      if (options.json) return outJson({ server: ctx.server, dataDir: ctx.dataDir, health });
      out(`服务:${ctx.server ?? '进程内'}`);
      out(`数据目录:${ctx.dataDir}`);
      out(`模型:${health.model ? `${health.model.chat ?? '(未设置对话模型)'}` : '离线模式(未配置模型)'}`);
    });
}
