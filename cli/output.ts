import { GovdraftError, toGovdraftError } from '../server/errors.ts';

/** Writes a line to stdout (results; JSON only when --json). */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a line to stderr (progress, warnings), keeping stdout clean for --json. */
export function info(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Writes one JSON document on one line (JSON Lines). */
export function outJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Prints an error for users: Chinese message, English cause, and per-row details. */
export function printError(error: unknown, prefix = ''): void {
  const e = GovdraftError.isInstance(error) ? error : toGovdraftError(error);
  info(`错误:${prefix}${e.messageZh}`);
  info(`  (${e.code}: ${e.message})`);
  for (const d of e.details.slice(0, 50)) {
    const where = [d.row ? `第 ${d.row} 行` : '', d.field ?? ''].filter(Boolean).join(' ');
    info(`  - ${where ? `${where}:` : ''}${d.message_zh}`);
  }
  if (e.details.length > 50) info(`  … 另有 ${e.details.length - 50} 条问题`);
}
