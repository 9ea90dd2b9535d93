import type { Command } from 'commander';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { out, outJson } from '../output.ts';
import { intOption } from '../program.ts';
import { readUpload } from '../services/index.ts';

/** `govdraft ledger import|list|assign` — the statistics ledger (台账), each row owned by its office. */
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('统计台账:导入与查询');
  ledger
    .command('import')
    .description(
      '导入台账(.csv .xlsx .json;表头 年度/指标名称/数值/计量单位/口径说明 或 year/metric/value/unit/note；可有 单位名称/街道 列)',
    )
    .argument('<file>', '台账文件')
    .option('--org <office>', '台账所属单位（台账中没有单位名称列时；有则须一致）')
    .option('--json', '以 JSON 输出')
    .action(async (path: string, options: { org?: string; json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const query = options.org ? { org: options.org } : {};
      const body = await unwrap(await client.api.ledger.$post({ query, json: await readUpload(path) }));
      if (options.json) return outJson(body);
      const offices = body.offices.length > 0 ? `，单位 ${body.offices.join('、')}` : '';
      out(
        `已导入台账 ${body.fileName}:${body.records} 条记录(年度 ${body.years.join('、')}${offices}),新增 ${body.added} 条,更新 ${body.replaced} 条`,
      );
      for (const w of body.warnings) out(`提示:${w.message_zh}(已导入;核查和起草不以此行为依据,请核对台账)`);
    });
  ledger
    .command('list')
    .description('查询台账记录')
    .option('--year <year>', '年度', intOption('year'))
    .option('--org <office>', '单位（全称或简称）')
    .option('-q, --query <words>', '指标名称或口径说明中的词')
    .option('--json', '以 JSON 输出')
    .action(
      async (options: { year?: number; org?: string; query?: string; json?: boolean }, command: Command) => {
        const { client } = await contextOf(command);
        const query = {
          ...(options.year ? { year: String(options.year) } : {}),
          ...(options.org ? { org: options.org } : {}),
          ...(options.query ? { q: options.query } : {}),
        };
        const { records } = await unwrap(await client.api.ledger.$get({ query }));
        if (options.json) return outJson({ records });
        if (records.length === 0) return out('没有符合条件的台账记录。');
        for (const r of records)
          out(
            `${r.year}  ${r.org ? `${r.org}  ` : ''}${r.metric}  ${r.value} ${r.unit}${r.note ? `  (${r.note})` : ''}`,
          );
      },
    );
  ledger
    .command('assign')
    .description('把未标明单位的台账记录指定给一个单位')
    .requiredOption('--org <office>', '所属单位')
    .option('--file <name>', '只指定从这个台账文件导入的记录（文件名）')
    .option('--json', '以 JSON 输出')
    .action(async (options: { org: string; file?: string; json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const json = { org: options.org, ...(options.file ? { file: options.file } : {}) };
      const body = await unwrap(await client.api.ledger.assign.$post({ json }));
      if (options.json) return outJson(body);
      out(
        body.assigned > 0
          ? `已把 ${body.assigned} 条未标明单位的台账记录指定给 ${options.org}`
          : '没有未标明单位的台账记录。',
      );
    });
}
