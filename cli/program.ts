import { Command, InvalidArgumentError } from 'commander';

const titles: Record<string, string> = {
  'Usage:': '用法:',
  'Options:': '选项:',
  'Commands:': '命令:',
  'Arguments:': '参数:',
  'Global Options:': '全局选项:',
};

/** Commander's own error lines, in Chinese with the English original kept as the cause. */
const errorPatterns: [RegExp, (m: RegExpExecArray) => string][] = [
  [/missing required argument '(.+)'/, (m) => `缺少必需的参数 ${m[1]}`],
  [/option '(.+)' argument missing/, (m) => `选项 ${m[1]} 缺少取值`],
  [/required option '(.+)' not specified/, (m) => `缺少必需的选项 ${m[1]}`],
  [/unknown option '(.+?)'/, (m) => `未知选项 ${m[1]}`],
  [/unknown command '(.+?)'/, (m) => `未知命令 ${m[1]}`],
  [/too many arguments/, () => '参数过多'],
  [/option '(.+)' argument '(.+)' is invalid/, (m) => `选项 ${m[1]} 的取值 ${m[2]} 无效`],
];

function translateError(text: string): string {
  const line = text.trim().replace(/^error:\s*/, '');
  for (const [pattern, zh] of errorPatterns) {
    const m = pattern.exec(line);
    if (m) return `错误:${zh(m)}\n  (${line})\n`;
  }
  return `错误:${line}\n`;
}

/** A commander Command with Chinese help titles and error messages; sub-commands inherit them. */
export function createProgram(name: string): Command {
  const program = new Command(name);
  program
    .configureHelp({ styleTitle: (title) => titles[title] ?? title })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureOutput({ outputError: (text, write) => write(translateError(text)) })
    .showHelpAfterError('(使用 --help 查看用法)')
    .exitOverride();
  return program;
}

/** Parses an integer option, rejecting anything else with a Chinese message. */
export function intOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} 必须是整数 (must be an integer)`);
    return n;
  };
}
