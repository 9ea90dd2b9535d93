/**
 * One zod issue in Chinese, naming types the way people say them (期望整数，实际为 1.5) and what was
 * actually sent; zod's own zh-CN text names types in English and never sees the input.
 */
import { z } from 'zod';

const typeNames: Record<string, string> = {
  int: '整数',
  number: '数字',
  string: '字符串',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
  bigint: '整数',
  date: '日期',
  null: 'null',
};

const zhLocale = z.locales.zhCN().localeError;

/** The value at `path` inside the validated input (undefined when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What was sent, shortly: 1.5, 字符串 "2016", null, 数组, 对象. */
function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string')
    return `字符串 ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (Array.isArray(value)) return '数组';
  return typeof value === 'object' ? '对象' : typeof value;
}

function sizeLimit(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string | null {
  const big = issue.code === 'too_big';
  const bound = String('maximum' in issue ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    return big
      ? `不能大于 ${bound}${inclusive ? '' : '（且不等于）'}`
      : `不能小于 ${bound}${inclusive ? '' : '（且不等于）'}`;
  }
  if (issue.origin === 'string') return big ? `最多 ${bound} 个字符` : `至少 ${bound} 个字符`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return big ? `最多 ${bound} 项` : `至少 ${bound} 项`;
  return null;
}

/**
 * The Chinese message of one issue, given the input that was validated.
 * @example issueZh({ code: 'invalid_type', expected: 'int', path: ['year'], … }, { year: 1.5 }) // '期望整数，实际为 1.5'
 */
export function issueZh(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      return value === undefined
        ? `缺少此字段（期望${expected}）`
        : `期望${expected}，实际为 ${describe(value)}`;
    }
    case 'too_big':
    case 'too_small': {
      const limit = sizeLimit(issue);
      if (!limit) break;
      if (Array.isArray(value)) return `${limit}，实际为 ${value.length} 项`;
      if (typeof value === 'string') return `${limit}，实际为 ${Array.from(value).length} 个字符`;
      return value === undefined ? limit : `${limit}，实际为 ${describe(value)}`;
    }
    case 'invalid_value':
      return `须为以下之一：${issue.values.map((v) => String(v)).join('、')}，实际为 ${describe(value)}`;
    case 'invalid_format':
      if (issue.format === 'base64') return '不是有效的 Base64 编码';
      if (issue.format === 'regex') return `格式不正确（${issue.message}）`;
      break;
    case 'custom':
      return `无效（${issue.message}）`;
  }
  const zh = zhLocale({ ...issue, input: value } as unknown as Parameters<typeof zhLocale>[0]);
  return typeof zh === 'string' ? zh : (zh?.message ?? issue.message);
}
