import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { ChatTurn } from '../../server/chat/index.ts';
import { contextOf } from '../context.ts';
import { info, out, printError } from '../output.ts';
import { askAndPrint } from './ask.ts';
import { type FilterFlags, filtersOf, withFilters } from './filters.ts';

/** Turns of history sent with each question: enough for follow-ups, bounded for long sessions. */
const historyTurns = 20;

const exitWords = new Set(['/exit', '/quit', 'exit', 'quit', '退出', '/退出']);
const resetWords = new Set(['/new', '/reset', '/清空', '新话题']);

/**
 * `govdraft chat` — a plain line-based conversation: one question a line (stdin, so it can be piped),
 * follow-ups such as 那2015年呢? resolved against the earlier turns; /new starts over, /exit ends.
 */
export function registerChat(program: Command): void {
  withFilters(
    program.command('chat').description('对话式提问(逐行读取问题,可追问;/new 开始新话题,/exit 退出)'),
    'default',
  ).action(async (options: FilterFlags, command: Command) => {
    const { client } = await contextOf(command);
    const filters = filtersOf(options);
    const interactive = process.stdin.isTTY === true;
    const lines = createInterface({ input: process.stdin, terminal: interactive });
    if (interactive) info('请输入问题(/new 开始新话题,/exit 退出)。');
    const prompt = (): void => {
      if (interactive) process.stdout.write('\n问> ');
    };
    let history: ChatTurn[] = [];
    prompt();
    for await (const raw of lines) {
      const line = raw.trim();
      if (!line) {
        prompt();
        continue;
      }
      if (exitWords.has(line)) break;
      if (resetWords.has(line)) {
        history = [];
        out('(已开始新话题)');
        prompt();
        continue;
      }
      if (!interactive) out(`问:${line}`);
      out(interactive ? '' : '答:');
      try {
        const question: ChatTurn = { role: 'user', content: line };
        const answer = await askAndPrint(client, [...history, question], filters);
        history = [...history, question, { role: 'assistant' as const, content: answer.answer }].slice(
          -historyTurns,
        );
      } catch (error) {
        printError(error);
      }
      if (!interactive) out();
      prompt();
    }
    lines.close();
  });
}
