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
      const ctx = await contextOf(command);
      const status = await unwrap(await ctx.client.api.status.$get({ query: { probe: '1' } }));
      if (options.json) return outJson({ server: ctx.server, ...status });
      const { counts, embedding, model } = status;
      out(`服务:${ctx.server ?? '进程内(未连接远程服务)'}`);
      out(`数据目录:${status.dataDir}`);
      out(`资料库：${status.store}`);
      out(`语料库:${counts.reports} 份报告,${counts.chunks} 个检索片段;台账 ${counts.ledgerRecords} 条记录`);
      out(`覆盖年度:${counts.years.length ? counts.years.join('、') : '无'}`);
      const mismatch = embedding.storedEmbedderId && embedding.storedEmbedderId !== embedding.embedderId;
      out(
        `向量:${embedding.embedderId}${mismatch ? `(与库中 ${embedding.storedEmbedderId} 不一致,请运行 govdraft reindex)` : ''}`,
      );
      if (!model) return out('模型:未配置,离线模式(离线向量、沿用上年起草、抽取式问答均可用)');
      out(
        `模型服务:${model.baseURL}  对话模型:${model.chatModel ?? '未设置'}  向量模型:${model.embedModel ?? '未设置(使用离线向量)'}`,
      );
      const probe = model.probe;
      if (probe?.reachable) {
        const listed = probe.chatModelListed === false ? `;注意:服务未列出模型 ${model.chatModel}` : '';
        out(`连通性:正常(${probe.latencyMs} ms)${listed}`);
      } else if (probe) {
        out(`连通性:失败 — ${probe.message_zh}(${probe.message_en})`);
        process.exitCode = 1;
      }
    });
}
