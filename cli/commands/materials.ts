import type { Command } from 'commander';
import { GovdraftError, toGovdraftError } from '../../server/errors.ts';
import { type Client, unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { expandFiles } from '../files.ts';
import { resolvePrefix } from '../id-prefix.ts';
import { info, out, outJson, printError } from '../output.ts';
import { intOption } from '../program.ts';
import { readUpload } from '../services/index.ts';

const statusText = {
  added: '已导入',
  replaced: '已更新(替换旧版本)',
  unchanged: '未变化(已导入过)',
} as const;

/** File kinds a material may come in. */
const materialFiles = /\.(txt|md|html?|docx)$/i;

/** What adding material files did: the ids of the materials now stored, and how many files failed. */
export interface AddedFiles {
  ids: string[];
  failed: number;
}

/**
 * Adds material files (directories expanded) as `year`'s materials through the API, printing a line
 * per file (or a JSON line with `json`) and going on past a file that fails.
 */
export async function addMaterialFiles(
  client: Client,
  paths: string[],
  options: { year: number; from?: string; json?: boolean },
): Promise<AddedFiles> {
  const files = expandFiles(paths, materialFiles);
  if (files.length === 0) {
    throw new GovdraftError('bad_request', '没有找到可导入的材料文件', 'No material files given');
  }
  const done: AddedFiles = { ids: [], failed: 0 };
  for (const [i, path] of files.entries()) {
    const progress = files.length > 1 ? `[${i + 1}/${files.length}] ` : '';
    try {
      const json = {
        ...(await readUpload(path)),
        year: options.year,
        ...(options.from ? { from: options.from } : {}),
      };
      const body = await unwrap(await client.api.materials.$post({ json }));
      done.ids.push(body.materialId);
      if (options.json) {
        outJson({ file: path, ...body });
        continue;
      }
      const m = body.material;
      const f = m.figures;
      info(
        `${progress}${statusText[body.status]}:${path} → ${m.department}(${m.year}年,工作内容 ${m.content} 句;数字:相符 ${f.supported},不符 ${f.contradicted},无法核对 ${f.unverified})`,
      );
      for (const notice of body.notices) info(`  注意:${notice}`);
      for (const c of m.conflicts) {
        info(`  与台账不符:${c.figure}(台账为 ${c.ledger ?? '未知'},${c.source ?? ''})— ${c.sentence}`);
      }
    } catch (error) {
      done.failed++;
      if (options.json) outJson({ file: path, error: toGovdraftError(error).toJSON().error });
      else printError(error, `${progress}${path}:`);
    }
  }
  if (files.length > 1 && !options.json) {
    info(`共 ${files.length} 个文件,成功 ${files.length - done.failed} 个,失败 ${done.failed} 个。`);
  }
  return done;
}

/** Resolves a unique id prefix to a stored material's id. */
async function resolveId(client: Client, prefix: string): Promise<string> {
  const { materials } = await unwrap(await client.api.materials.$get({ query: {} }));
  return resolvePrefix([...new Set(materials.map((m) => m.id))], prefix, '材料');
}

/** `govdraft materials add|list|remove` — this year's department materials (科室材料, 居委小结). */
export function registerMaterials(program: Command): void {
  const materials = program.command('materials').description('今年的科室、居委材料:导入、查看、删除');
  materials
    .command('add')
    .description('导入某一年的材料(.txt .md .html .docx;可给目录);数字与该年台账核对,不符的会标出')
    .argument('<files...>', '材料文件或目录')
    .requiredOption('--year <year>', '材料所属年度', intOption('year'))
    .option('--from <department>', '报送部门(不给时从材料标题、落款或文件名读出)')
    .option('--json', '每个文件输出一行 JSON')
    .action(
      async (paths: string[], options: { year: number; from?: string; json?: boolean }, command: Command) => {
        const { client } = await contextOf(command);
        if ((await addMaterialFiles(client, paths, options)).failed > 0) process.exitCode = 2;
      },
    );
  materials
    .command('list', { isDefault: true })
    .description('列出已导入的材料')
    .option('--year <year>', '年度', intOption('year'))
    .option('--json', '以 JSON 输出')
    .action(async (options: { year?: number; json?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const query = options.year ? { year: String(options.year) } : {};
      const list = (await unwrap(await client.api.materials.$get({ query }))).materials;
      if (options.json) return outJson({ materials: list });
      if (list.length === 0)
        return out('还没有导入材料。用 govdraft materials add <文件或目录> --year N 导入。');
      for (const m of list) {
        const flag = m.flagged ? `  【与台账不符 ${m.conflicts.length} 处】` : '';
        out(
          `${m.id.slice(0, 12)}  ${m.year}  ${m.department}  ${m.fileName}  (工作内容 ${m.content} 句)${flag}`,
        );
        for (const c of m.conflicts) out(`    ${c.figure}:台账为 ${c.ledger ?? '未知'}(${c.source ?? ''})`);
      }
    });
  materials
    .command('remove')
    .description('删除一份材料')
    .argument('<id>', '材料编号(可只输入前几位)')
    .action(async (prefix: string, _options: unknown, command: Command) => {
      const { client } = await contextOf(command);
      const id = await resolveId(client, prefix);
      await unwrap(await client.api.materials[':id'].$delete({ param: { id } }));
      out(`已删除材料 ${id.slice(0, 12)}`);
    });
}
