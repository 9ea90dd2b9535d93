import { GovdraftError } from '../server/errors.ts';

/**
 * The one full id that starts with `prefix` (users type the first few characters of a content hash).
 * @example resolvePrefix(['3fa9c2…', '7b10…'], '3fa', '报告') // '3fa9c2…'
 */
export function resolvePrefix(ids: readonly string[], prefix: string, noun: string): string {
  const matches = ids.filter((id) => id.startsWith(prefix.toLowerCase()));
  if (matches.length === 1) return matches[0];
  throw matches.length === 0
    ? new GovdraftError(
        'not_found',
        `没有找到编号以 ${prefix} 开头的${noun}`,
        `No ${noun} id starts with ${prefix}`,
      )
    : new GovdraftError(
        'bad_request',
        `编号 ${prefix} 对应多份${noun},请多输入几位`,
        `Ambiguous id prefix ${prefix}`,
      );
}
