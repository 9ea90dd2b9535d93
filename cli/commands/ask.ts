import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type {
  AnswerFigure,
  ChatAnswer,
  ChatCitation,
  ChatFilters,
  ChatTurn,
} from '../../server/chat/index.ts';
import { GovdraftError } from '../../server/errors.ts';
import type { Client } from '../client.ts';
import { contextOf } from '../context.ts';
import { citationLabel } from '../format.ts';
import { info, out, outJson } from '../output.ts';
import { askChat } from '../services/chat.ts';
import { type FilterFlags, filtersOf, withFilters } from './filters.ts';

/** The citation as people read it: 《…》(二)补齐发展短板,公共管理走向精细 第2段. */
function citationLine(c: ChatCitation): string {
  const label = citationLabel({ ...c, reportTitle: c.report });
  const where = c.section === 'footnote' ? `[${c.paragraph}]` : c.paragraph > 0 ? ` 第${c.paragraph}段` : '';
  return `[${c.n}] ${label}${where}(${c.year}年)`;
}

function figureLine(f: AnswerFigure): string {
  // A rejected figure is never printed, not even here: only that one was removed.
  if (!f.grounded) return '- 【数字已删除】\uFF1A模型写出的数字没有出处或与台账不符\uFF0C已从回答中删除';
  if (f.origin === 'computed') return `- ${f.text}:计算得出(${f.computation ?? ''})`;
  if (f.origin === 'ledger') return `- ${f.text}:台账 ${f.source ?? ''}${f.sample ? '(示例数据)' : ''}`;
  return `- ${f.text}:出自引用段落 ${f.source ?? ''}`;
}

/**
 * Prints a streamed answer's ending for people: the final answer when it differs from what was
 * streamed (it was corrected), then the sources and how each figure is grounded. Notices arrive as
 * their own events and are printed then.
 */
function printAnswerEnd(answer: ChatAnswer, streamed: string): void {
  if (answer.answer.trim() !== streamed.trim()) {
    out('\n(以下为核对后的最终回答)');
    out(answer.answer);
  } else out();
  if (answer.citations.length > 0) {
    out('\n来源:');
    for (const c of answer.citations) out(citationLine(c));
  }
  if (answer.figures.length > 0) {
    out('\n数字依据:');
    for (const f of answer.figures) out(figureLine(f));
  }
}

/** Streams one answer to stdout for people; returns the final answer. */
export async function askAndPrint(
  client: Client,
  messages: ChatTurn[],
  filters: ChatFilters | undefined,
): Promise<ChatAnswer> {
  let streamed = '';
  // What streamed so far is void: the line ends and the reason is said.
  const discard = (line: string) => {
    if (streamed) out();
    streamed = '';
    info(line);
  };
  const answer = await askChat(client, messages, filters, {
    onDelta(text) {
      streamed += text;
      process.stdout.write(text);
    },
    onRetry: (message) => discard(`(${message})`),
    onFallback: (message) => discard(`提示:${message}`),
    onNotice(message) {
      info(`提示:${message}`);
    },
  });
  printAnswerEnd(answer, streamed);
  return answer;
}

/** Reads a history file: a JSON array of {role, content} (checked by the API, not here). */
function readHistory(path: string): ChatTurn[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GovdraftError('bad_request', `无法读取对话历史文件 ${path}`, `Cannot read ${path}`, {
      cause: error,
    });
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    const messages = Array.isArray(parsed) ? parsed : (parsed as { messages?: unknown })?.messages;
    if (!Array.isArray(messages)) throw new Error('not an array of messages');
    return messages as ChatTurn[];
  } catch (error) {
    throw new GovdraftError(
      'bad_request',
      `对话历史文件 ${path} 不是有效的 JSON 消息数组(应为 [{"role":"user","content":"…"}, …])`,
      `${path} is not a JSON array of messages: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Reads the whole of stdin (for `govdraft ask -`). */
async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of process.stdin) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** `govdraft ask "<question>" [--json]` — one question about past work, answered with citations. */
export function registerAsk(program: Command): void {
  withFilters(
    program
      .command('ask')
      .description('就往年工作提问:数字取自台账,文字取自报告原文,均注明出处')
      .argument('<question>', '问题,如 “2016年拆除了多少违法建筑?”;用 - 从标准输入读取')
      .option('--json', '只输出一个 JSON:{answer, citations, figures, notices, mode}'),
    'default',
  )
    .option('--history <file>', '此前的对话(JSON 消息数组),用于追问')
    .action(
      async (
        question: string,
        options: FilterFlags & { json?: boolean; history?: string },
        command: Command,
      ) => {
        const text = question === '-' ? await readStdin() : question;
        const history = options.history ? readHistory(options.history) : [];
        const messages: ChatTurn[] = [...history, { role: 'user', content: text.trim() }];
        const { client } = await contextOf(command);
        const filters = filtersOf(options);
        if (!options.json) {
          await askAndPrint(client, messages, filters);
          return;
        }
        const answer = await askChat(client, messages, filters);
        outJson({
          answer: answer.answer,
          citations: answer.citations.map((c) => ({
            n: c.n,
            report: c.report,
            year: c.year,
            part: c.part,
            partTitle: c.partTitle,
            section: c.section,
            paragraph: c.paragraph,
            text: c.text,
          })),
          figures: answer.figures,
          notices: answer.notices,
          mode: answer.mode,
        });
      },
    );
}
