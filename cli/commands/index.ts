import type { Command } from 'commander';
import { createProgram } from '../program.ts';
import { registerAsk } from './ask.ts';
import { registerChat } from './chat.ts';
import { registerCheck } from './check.ts';
import { registerDoctor } from './doctor.ts';
import { registerDraft } from './draft.ts';
import { registerHome } from './home.ts';
import { registerIngest } from './ingest.ts';
import { registerLedger } from './ledger.ts';
import { registerMaterials } from './materials.ts';
import { registerReindex } from './reindex.ts';
import { registerReports } from './reports.ts';
import { registerSearch } from './search.ts';
import { registerServe } from './serve.ts';

/** The `govdraft` command with every sub-command registered. */
export function buildCommands(): Command {
  const program = createProgram('govdraft')
    .description('年度工作总结起草与数字核查工具 (govdraft)')
    .version('0.1.0', '-V, --version', '显示版本号')
    .option('--data-dir <dir>', '数据目录(默认 ./.govdraft,或环境变量 GOVDRAFT_DATA_DIR)')
    .option(
      '--store <uri>',
      '资料库位置:目录或对象存储 s3://桶/前缀(默认 <数据目录>/lancedb,或环境变量 GOVDRAFT_STORE_URI)',
    )
    .option('--server <url>', '连接已运行的 govdraft 服务,而不是在进程内运行');
  registerHome(program);
  registerIngest(program);
  registerReports(program);
  registerSearch(program);
  registerLedger(program);
  registerMaterials(program);
  registerCheck(program);
  registerDraft(program);
  registerAsk(program);
  registerChat(program);
  registerReindex(program);
  registerServe(program);
  registerDoctor(program);
  // The root has its own action (the home screen), so commander would read a mistyped command as an
  // excess argument; name it as what it is.
  program.allowExcessArguments(true).hook('preAction', (_root, action) => {
    if (action === program && program.args.length > 0)
      program.error(`error: unknown command '${program.args[0]}'`);
  });
  return program;
}
