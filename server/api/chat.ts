import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { prepareChat, streamChat } from '../chat/index.ts';
import type { Engine } from '../engine.ts';
import { type ErrorDetail, GovdraftError } from '../errors.ts';
import { validationError } from './problem.ts';
import { sseEvents } from './sse.ts';
import { chatWireData } from './streams.ts';

/** Longest question accepted, in characters. */
export const maxQuestionChars = 2000;
/** Longest earlier answer accepted in the history, in characters. */
const maxAnswerChars = 20_000;
const maxTurns = 200;
const filterKeys = ['year', 'org', 'part'];

const turnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
});

/** POST /api/chat body: the conversation (last turn: the user's question) and optional scope. */
export const chatSchema = z
  .strictObject({
    messages: z.array(turnSchema).min(1).max(maxTurns),
    filters: z
      .strictObject({
        year: z.number().int().min(1949).max(2100).optional(),
        org: z.string().trim().min(1).max(100).optional(),
        part: z.number().int().min(1).max(50).optional(),
      })
      .optional(),
  })
  .superRefine((body, ctx) => {
    body.messages.forEach((turn, i) => {
      const last = i === body.messages.length - 1;
      const path = ['messages', i, 'content'];
      if (last && turn.role !== 'user')
        ctx.addIssue({ code: 'custom', path: ['messages', i, 'role'], params: { reason: 'last_not_user' } });
      else if (turn.role === 'user' && !turn.content.trim())
        ctx.addIssue({ code: 'custom', path, params: { reason: 'empty_question', last } });
      else if (turn.role === 'user' && turn.content.length > maxQuestionChars)
        ctx.addIssue({
          code: 'custom',
          path,
          params: { reason: 'question_too_long', length: turn.content.length },
        });
      else if (turn.content.length > maxAnswerChars)
        ctx.addIssue({
          code: 'custom',
          path,
          params: { reason: 'answer_too_long', length: turn.content.length },
        });
    });
  });

type Issue = z.core.$ZodIssue;

/** Clear messages for the mistakes clients make with a chat request; null for the generic ones. */
function describe(issue: Issue): ErrorDetail | null {
  const field = issue.path.join('.') || '(请求体)';
  const at = (zh: string, en: string): ErrorDetail => ({ field, message_zh: zh, message_en: en });
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  if (issue.code === 'custom') {
    switch (params.reason) {
      case 'last_not_user':
        return at(
          '最后一条消息必须是用户的提问(role 为 user)',
          'The last message must be the user’s question (role "user")',
        );
      case 'empty_question':
        return at(
          params.last ? '问题不能为空' : `历史消息 ${field} 是空的提问`,
          params.last ? 'The question is empty' : `Empty question at ${field}`,
        );
      case 'question_too_long':
        return at(
          `问题过长:最多 ${maxQuestionChars} 字,收到 ${params.length} 字`,
          `Question too long: ${params.length} characters, at most ${maxQuestionChars}`,
        );
      case 'answer_too_long':
        return at(
          `历史消息 ${field} 过长:最多 ${maxAnswerChars} 字`,
          `History message ${field} too long (at most ${maxAnswerChars} characters)`,
        );
    }
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('、');
    if (issue.path.join('.') === 'filters') {
      return at(
        `不支持的筛选条件:${keys}(可用:${filterKeys.join('、')})`,
        `Unknown filters: ${issue.keys.join(', ')} (known: ${filterKeys.join(', ')})`,
      );
    }
    return at(`不支持的字段:${keys}`, `Unknown fields: ${issue.keys.join(', ')}`);
  }
  if (issue.path[0] === 'messages') {
    if (issue.path.length === 1 && issue.code === 'invalid_type') {
      return at(
        'messages 必须是对话消息数组:[{role, content}, …]',
        'messages must be an array of {role, content}',
      );
    }
    if (issue.path.length === 1 && issue.code === 'too_small') {
      return at(
        'messages 不能为空:至少需要一条用户提问',
        'messages is empty: send at least the user’s question',
      );
    }
    if (issue.path.length === 1 && issue.code === 'too_big') {
      return at(`对话过长:最多 ${maxTurns} 条消息`, `Too many messages (at most ${maxTurns})`);
    }
    if (issue.path.length === 2) {
      return at(`消息 ${field} 必须是 {role, content} 对象`, `${field} must be an object {role, content}`);
    }
    if (issue.path[2] === 'role')
      return at(`消息 ${field} 只能是 user 或 assistant`, `${field} must be "user" or "assistant"`);
    if (issue.path[2] === 'content') return at(`消息 ${field} 必须是文字`, `${field} must be a string`);
  }
  return null;
}

/** The body validator of POST /api/chat: every problem reported at once, in Chinese and English. */
const chatBody = zValidator('json', chatSchema, (result) => {
  if (result.success) return;
  const issues = result.error.issues;
  const generic = validationError(issues, result.data).details;
  const details = issues.map((issue, i) => describe(issue) ?? generic[i]);
  throw new GovdraftError(
    'validation_failed',
    `请求无效:${details.map((d) => d.message_zh).join(';')}`,
    `Invalid chat request: ${details.map((d) => d.message_en).join('; ')}`,
    { details },
  );
});

/**
 * POST /api/chat — a cited answer to the last question of a conversation, streamed as Server-Sent
 * Events: `meta`, `delta`…, maybe `retry`/`fallback`/`notice`, then `final` (or `error`). Bad input is a JSON
 * problem (4xx) before any event is sent.
 */
export function chatRoutes(engine: Engine) {
  return new Hono().post('/', chatBody, async (c) => {
    const prepared = await prepareChat(await engine.store(), c.req.valid('json'));
    return sseEvents(c, (signal) => streamChat(prepared, engine.chatModel, signal), chatWireData);
  });
}
