import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueZh } from '../../server/api/issue-zh.ts';

const schema = z.object({
  year: z.number().int().min(1949).max(2100),
  text: z.string().max(5).optional(),
  mode: z.enum(['auto', 'model']).optional(),
  save: z.boolean().optional(),
  metrics: z.array(z.string()).max(2).optional(),
  contentBase64: z.base64().optional(),
  id: z
    .string()
    .regex(/^[0-9a-f]+$/, 'report ids are hex content hashes')
    .optional(),
});

/** The Chinese message of the first issue of `input`. */
function zh(input: Record<string, unknown>): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected an issue');
  return issueZh(result.error.issues[0], input);
}

describe('issueZh', () => {
  it.each([
    [{ year: 1.5 }, '期望整数，实际为 1.5'],
    [{ year: '2016' }, '期望数字，实际为 字符串 "2016"'],
    [{ year: null }, '期望数字，实际为 null'],
    [{}, '缺少此字段（期望数字）'],
    [{ year: 1800 }, '不能小于 1949，实际为 1800'],
    [{ year: 2016, text: '一二三四五六' }, '最多 5 个字符，实际为 6 个字符'],
    [{ year: 2016, mode: 'fast' }, '须为以下之一：auto、model，实际为 字符串 "fast"'],
    [{ year: 2016, save: 'yes' }, '期望布尔值（true 或 false），实际为 字符串 "yes"'],
    [{ year: 2016, metrics: ['a', 'b', 'c'] }, '最多 2 项，实际为 3 项'],
    [{ year: 2016, contentBase64: '这不是' }, '不是有效的 Base64 编码'],
    [{ year: 2016, id: 'xyz' }, '格式不正确（report ids are hex content hashes）'],
  ])('%j → %s', (input, message) => {
    expect(zh(input)).toBe(message);
  });
});
