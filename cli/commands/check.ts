import { styleText } from 'node:util';
import type { Command } from 'commander';
import { GovdraftError, toGovdraftError } from '../../server/errors.ts';
import type { CheckedClaim } from '../../server/figures/index.ts';
import { pendingSpans, verdictWord } from '../../server/marks/index.ts';
import { unwrap } from '../client.ts';
import { contextOf } from '../context.ts';
import { annotatedPathFor, expandFiles } from '../files.ts';
import { info, out, outJson, printError } from '../output.ts';
import { intOption } from '../program.ts';
import { readUpload } from '../services/index.ts';
import { printReview, tableFormatOf, writeReviewFiles } from './check-review.ts';

const colorEnabled = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

const verdictStyle = { supported: 'green', contradicted: 'red', unverified: 'yellow' } as const;
const verdictMark = { supported: '✓', contradicted: '✗', unverified: '?' } as const;

/** The text with each figure coloured by verdict (or marked ✓ ✗ ? when colour is off), 【待核实】 highlighted. */
function annotate(text: string, claims: CheckedClaim[], color: boolean): string {
  let result = '';
  let at = 0;
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    if (claim.start < at) continue;
    result += text.slice(at, claim.start);
    const figure = text.slice(claim.start, claim.end);
    result += color
      ? styleText(verdictStyle[claim.verdict], figure)
      : `${figure}${claim.verdict === 'supported' ? '' : `[${verdictMark[claim.verdict]}]`}`;
    at = claim.end;
  }
  result += text.slice(at);
  return color ? boldMarkers(result) : result;
}

/** The text with each 【待核实…】 marker in bold magenta. */
function boldMarkers(text: string): string {
  let result = '';
  let at = 0;
  for (const m of pendingSpans(text)) {
    result += text.slice(at, m.start) + styleText(['bold', 'magenta'], m.text);
    at = m.end;
  }
  return result + text.slice(at);
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

interface CheckOptions {
  ledger?: string;
  year?: number;
  org?: string;
  json?: boolean;
  quiet?: boolean;
  annotate?: boolean | string;
  report?: string;
}

/**
 * `govdraft check <files…> [--ledger FILE] [--year N] [--json] [--annotate [OUT.docx]] [--report FILE]`
 * — fact-check every figure; optionally write the annotated .docx and the findings table.
 */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('核查文稿中的每一个数字(与统计台账比对);有不符时退出码为 1')
    .argument('<files...>', '要核查的文稿(.txt .md .html .docx)')
    .option('--ledger <file>', '使用这份台账(.csv .xlsx .json),不写入数据库')
    .option('--year <year>', '核查年度(默认取文稿标题中的年份)', intOption('year'))
    .option(
      '--org <office>',
      '\u4F7F\u7528\u8FD9\u4E2A\u5355\u4F4D\u7684\u53F0\u8D26\uFF08\u9ED8\u8BA4\u53D6\u6587\u7A3F\u4E2D\u7684\u5355\u4F4D\uFF09',
    )
    .option('--json', '每个文件输出一行 JSON(JSON Lines)')
    .option('--quiet', '只输出问题,不输出全文')
    .option(
      '--annotate [file]',
      '\u5199\u51FA\u5E26\u6279\u6CE8\u7684 Word \u6587\u6863\uFF08\u9ED8\u8BA4\u4E3A\u539F\u6587\u4EF6\u65C1\u7684 \u7A3F.\u6838\u67E5.docx\uFF09',
    )
    .option(
      '--report <file>',
      '\u5199\u51FA\u6838\u67E5\u8868\uFF08.xlsx \u6216 .csv\uFF0C\u6BCF\u5904\u95EE\u9898\u4E00\u884C\uFF09',
    )
    .action(async (paths: string[], options: CheckOptions, command: Command) => {
      const files = expandFiles(paths, /\.(txt|md|html?|docx)$/i);
      const table = options.report ? tableFormatOf(options.report) : undefined;
      if (files.length > 1 && (typeof options.annotate === 'string' || options.report)) {
        throw new GovdraftError(
          'bad_request',
          '\u6307\u5B9A --annotate \u6216 --report \u7684\u8F93\u51FA\u6587\u4EF6\u65F6\u53EA\u80FD\u6838\u67E5\u4E00\u4E2A\u6587\u4EF6',
          'An output file for --annotate or --report needs exactly one input file',
        );
      }
      const { client } = await contextOf(command);
      const ledger = options.ledger ? await readUpload(options.ledger) : undefined;
      let contradicted = false;
      let failed = false;
      for (const path of files) {
        try {
          const result = await unwrap(
            await client.api.check.$post({
              json: {
                file: await readUpload(path),
                year: options.year,
                org: options.org,
                ledger,
                annotate: Boolean(options.annotate),
                table,
              },
            }),
          );
          if (result.summary.contradicted > 0) contradicted = true;
          const written = await writeReviewFiles(result, {
            annotated: options.annotate
              ? typeof options.annotate === 'string'
                ? options.annotate
                : annotatedPathFor(path)
              : null,
            table: options.report ?? null,
          });
          if (options.json) {
            outJson({
              file: path,
              claims: result.claims,
              summary: result.summary,
              office: result.office.name,
              changes: result.changes,
              ...(written.annotated ? { annotated: written.annotated } : {}),
              ...(written.table ? { report: written.table } : {}),
            });
            continue;
          }
          printHuman(path, result, Boolean(options.quiet));
          printReview(result, written);
        } catch (error) {
          // No server: every other file would fail the same way.
          if (toGovdraftError(error).code === 'server_unreachable') throw error;
          failed = true;
          if (options.json) outJson({ file: path, error: toGovdraftError(error).toJSON().error });
          else printError(error, `${path}:`);
        }
      }
      process.exitCode = failed ? 2 : contradicted ? 1 : 0;
    });
}

interface HumanResult {
  year: number | null;
  text: string;
  ledgerRecords: number;
  office: { name: string | null; notice: { message_zh: string } | null };
  claims: CheckedClaim[];
  summary: { supported: number; contradicted: number; unverified: number };
  yearBound: { start: number; end: number; text: string }[];
  carriedOver: { start: number; end: number; text: string }[];
}

function printHuman(path: string, result: HumanResult, quiet: boolean): void {
  const color = colorEnabled();
  const { summary, claims, text } = result;
  const office = result.office.name ? `${result.office.name}\u7684` : '';
  info(`核查 ${path}:年度 ${result.year ?? '未知'},${office}台账 ${result.ledgerRecords} 条记录`);
  if (result.office.notice) info(`\u6CE8\u610F\uFF1A${result.office.notice.message_zh}`);
  if (!quiet) {
    out(annotate(text, claims, color).trimEnd());
    out();
  }
  const problems = claims.filter((c) => c.verdict !== 'supported');
  if (problems.length > 0)
    out(
      `问题(${summary.contradicted} 处${verdictWord.contradicted},${summary.unverified} 处${verdictWord.unverified}):`,
    );
  for (const c of problems) {
    const head = `${verdictMark[c.verdict]} 第${lineOf(text, c.start)}行 “${c.text}” ${verdictWord[c.verdict]}`;
    out(`  ${color ? styleText(verdictStyle[c.verdict], head) : head}${c.metric ? `  [${c.metric}]` : ''}`);
    out(`      ${c.explanation}${c.source ? `(来源:${c.source})` : ''}`);
    if (c.candidates?.length) out(`      候选指标:${c.candidates.join('、')}`);
  }
  for (const s of result.yearBound) {
    out(`  ↺ 第${lineOf(text, s.start)}行 沿用上年的表述\uFF0C请改写或删去\uFF1A${s.text}`);
  }
  for (const s of result.carriedOver) {
    out(`  ↺ 第${lineOf(text, s.start)}行 今年材料中没有相应内容的上年表述\uFF0C请更新或删去\uFF1A${s.text}`);
  }
  const bound = result.yearBound.length ? ` · 上年表述 ${result.yearBound.length} 句` : '';
  const carried = result.carriedOver.length ? ` · 沿用上年 ${result.carriedOver.length} 句` : '';
  out(
    `合计:${verdictWord.supported} ${summary.supported} · ${verdictWord.contradicted} ${summary.contradicted} · ${verdictWord.unverified} ${summary.unverified}${bound}${carried}`,
  );
}
