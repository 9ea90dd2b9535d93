import type { Command } from 'commander';
import type { ChatFilters } from '../../server/chat/index.ts';
import { intOption } from '../program.ts';

/** The filter flags as commander parses them. */
export interface FilterFlags {
  year?: number;
  org?: string;
  part?: number;
}

/** How the flags bind: defaults a question may override (ask, chat), or hard limits (search). */
const wording = {
  default: { year: '默认年度(问题中写了年份时以问题为准)', org: '默认单位', part: '只在报告第 n 部分中查找' },
  only: { year: '只看某一年', org: '只看某个单位', part: '只看第 n 部分' },
} as const;

/** Adds --year, --org and --part: where in the corpus a question or a search looks. */
export function withFilters(command: Command, as: keyof typeof wording): Command {
  const words = wording[as];
  return command
    .option('--year <year>', words.year, intOption('year'))
    .option('--org <org>', words.org)
    .option('--part <n>', words.part, intOption('part'));
}

/** The filters given on the command line, or undefined when none. */
export function filtersOf(options: FilterFlags): ChatFilters | undefined {
  const filters: ChatFilters = {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.org !== undefined ? { org: options.org } : {}),
    ...(options.part !== undefined ? { part: options.part } : {}),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}
