import { extname } from 'node:path';
import type { Command } from 'commander';
import { GovdraftError } from '../../server/errors.ts';
import { type Client, unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { info, out, outJson } from '../output.ts';
import { intOption } from '../program.ts';
import { draftExport, exportDraft } from '../services/export.ts';
import { readUpload } from '../services/index.ts';
import { canRunTui } from '../terminal.ts';
import { ensureCorpus } from './home.ts';
import { addMaterialFiles } from './materials.ts';

const formats = { '.md': 'md', '.docx': 'docx', '.txt': 'txt' } as const;

interface DraftOptions {
  year: number;
  from?: string;
  fromYear?: number;
  ledger?: string;
  materials?: string | true;
  org?: string;
  out?: string;
  trace?: boolean;
  model: boolean;
  tui: boolean;
  json?: boolean;
}

/** The export format an --out file name asks for. */
function formatOf(path: string): (typeof formats)[keyof typeof formats] {
  const format = formats[extname(path).toLowerCase() as keyof typeof formats];
  if (!format) {
    throw new GovdraftError(
      'unsupported_format',
      `不支持的输出格式:${path}(请用 .md、.docx 或 .txt)`,
      `Unsupported output format: ${path} (use .md, .docx or .txt)`,
    );
  }
  return format;
}

/** The materials to draft from: a directory's files added first as the year's, or the year's stored ones. */
async function materialsOf(client: Client, options: DraftOptions): Promise<{ ids?: string[] } | undefined> {
  if (options.materials === undefined) return undefined;
  if (options.materials === true) return {};
  const added = await addMaterialFiles(client, [options.materials], { year: options.year });
  if (added.ids.length === 0) {
    throw new GovdraftError(
      'bad_request',
      `目录中没有可用的材料：${options.materials}`,
      `No material could be added from ${options.materials}`,
    );
  }
  return { ids: added.ids };
}

/**
 * `govdraft draft --year N [--from FILE | --from-year N-1] [--ledger FILE] [--out FILE] [--no-tui]` —
 * drafts the whole summary; on a terminal without --out, --json or --no-tui it then opens the draft in
 * the workspace, otherwise it writes the text (to --out or stdout).
 */
export function registerDraft(program: Command): void {
  program
    .command('draft')
    .description('起草年度工作总结:沿用上年报告,按今年台账更新全部数字(配置模型时润色);进度输出到标准错误')
    .requiredOption('--year <year>', '起草哪一年的总结', intOption('year'))
    .option('--from <file>', '上年报告文件(.txt .md .html .docx)')
    .option('--from-year <year>', '沿用库中哪一年的报告(默认为起草年度的上一年)', intOption('from-year'))
    .option('--ledger <file>', '今年的台账(.csv .xlsx .json);不给时使用台账库')
    .option(
      '--materials [dir]',
      '用今年的科室材料起草(给目录时先导入其中的材料;不给目录时用已导入的该年材料)',
    )
    .option('--org <office>', '起草单位（全称或简称）：只用该单位的报告和台账（默认取上年报告的单位）')
    .option('--out <file>', '写入文件(.md .docx .txt);不给时把全文输出到标准输出')
    .option('--trace', '在导出的全文后附“逐句来源”:每句来自哪份材料、上年哪一段、台账哪一行')
    .option('--no-model', '不使用模型,只用沿用上年引擎')
    .option('--no-tui', '不进入终端界面,直接写出全文(给出 --out 或 --json 时也是如此)')
    .option('--json', '把草稿和统计以 JSON 输出到标准输出')
    .action(async (options: DraftOptions, command: Command) => {
      if (options.from && options.fromYear !== undefined) {
        throw new GovdraftError(
          'bad_request',
          '--from 与 --from-year 只能给一个',
          'Give --from or --from-year, not both',
        );
      }
      const format = options.out ? formatOf(options.out) : null;
      const { client } = await contextOf(command);
      if (!options.from) await ensureCorpus(client);
      const materials = await materialsOf(client, options);
      info(`正在起草${options.year}年工作总结…`);
      const body = await unwrap(
        await client.api.draft.$post({
          json: {
            year: options.year,
            ...(options.from ? { from: await readUpload(options.from) } : { fromYear: options.fromYear }),
            ...(options.ledger ? { ledger: await readUpload(options.ledger) } : {}),
            ...(materials ? { materials } : {}),
            ...(options.org ? { org: options.org } : {}),
            mode: options.model ? 'auto' : 'carry-forward',
          },
        }),
      );
      const { draft, stats, warnings } = body;
      const f = stats.figures;
      info(
        `已起草《${draft.title}》(沿用《${draft.fromTitle ?? '上年报告'}》,台账:${draft.ledgerSource}),用时 ${body.elapsedMs} ms`,
      );
      info(
        `  ${stats.paragraphs} 段;数字:更新 ${f.updated} 个,重算 ${f.recomputed} 个,【待核实】${stats.pending} 处,新增指标 ${stats.newMetrics} 项;模型润色 ${stats.origins.model} 段`,
      );
      if (draft.materials) {
        const files = draft.materials.files;
        const used = files.reduce((n, m) => n + m.used, 0);
        const content = files.reduce((n, m) => n + m.content, 0);
        info(
          `  今年材料 ${files.length} 份:用到 ${used}/${content} 句,材料段落 ${stats.origins.materials} 段;沿用上年·待更新 ${stats.carriedOver} 句;与台账不符 ${draft.materials.conflicts.length} 处`,
        );
      }
      info(
        `  核查:相符 ${stats.check.supported},不符 ${stats.check.contradicted},无法核对 ${stats.check.unverified}`,
      );
      if (stats.yearBound > 0) {
        info(
          `  上年表述 ${stats.yearBound} 句已标为〖上年表述\uFF1A…〗\uFF08开局之年、日期、届次、获奖等\uFF09\uFF0C请改写或删去`,
        );
      }
      for (const w of warnings) info(`  注意:${w.message_zh}`);
      info(`  草稿已保存:${draft.id}`);
      if (options.json) outJson(body);
      if (options.tui && !options.out && !options.json && canRunTui()) {
        // Loaded on demand: React and Ink are not needed when the draft goes to a file or a pipe.
        const { runTui } = await import('../ui/run.tsx');
        return runTui(client, { name: 'workspace', draftId: draft.id });
      }
      if (format && options.out) {
        const trace = { trace: options.trace ?? false };
        await exportDraft(client, draft, format, options.out, trace);
        info(`  已写入 ${options.out}`);
      } else if (!options.json) {
        out(String(await draftExport(client, draft, 'txt', { trace: options.trace ?? false })).trimEnd());
      }
      if (stats.check.contradicted > 0) process.exitCode = 1;
    });
}
