import type { Command } from 'commander';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { readUploadFile } from '../files.ts';
import { out, outJson } from '../output.ts';
import { intOption } from '../program.ts';

/** `govdraft ledger import|list` — the statistics ledger (台账). */
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('统计台账:导入与查询');
  ledger
    .command('import')
    .description(
      '导入台账(.csv .xlsx .json;表头 年度/指标名称/数值/计量单位/口径说明 或 year/metric/value/unit/note)',
    )
    .argument('<file>', '台账文件')
    .option('--json', '以 JSON 输出')
    .action(async (path: string, options: { json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const body = await unwrap(await client.api.ledger.$post({ json: readUploadFile(path) }));
      if (options.json) return outJson(body);
      out(
        `已导入台账 ${body.fileName}:${body.records} 条记录(年度 ${body.years.join('、')}),新增 ${body.added} 条,更新 ${body.replaced} 条`,
      );
      for (const w of body.warnings) out(`提示:${w.message_zh}(已导入;核查和起草不以此行为依据,请核对台账)`);
    });
  ledger
    .command('list')
    .description('查询台账记录')
    .option('--year <year>', '年度', intOption('year'))
    .option('-q, --query <words>', '指标名称或口径说明中的词')
    .option('--json', '以 JSON 输出')
    .action(async (options: { year?: number; query?: string; json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const query = {
        ...(options.year ? { year: String(options.year) } : {}),
        ...(options.query ? { q: options.query } : {}),
      };
      const { records } = await unwrap(await client.api.ledger.$get({ query }));
      if (options.json) return outJson({ records });
      if (records.length === 0) return out('没有符合条件的台账记录。');
      for (const r of records)
        out(`${r.year}  ${r.metric}  ${r.value} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
    });
}
