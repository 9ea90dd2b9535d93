/**
 * The two event streams of the API — POST /api/chat and POST /api/draft/section — defined once: what
 * the server writes for each engine event (`…WireData`) and the zod schema the client parses each
 * event with (the SSE event name as `type`, its JSON data as the rest). Both carry model text with one
 * vocabulary — the guarded generation's `delta`, `retry` and `fallback`, and `notice` — declared once
 * below. Deep payloads (a paragraph, an answer's citations) are checked as objects and typed by the
 * engine's own types, so a field is declared in one place only.
 */
import { z } from 'zod';
import type {
  AnswerFigure,
  AnswerMode,
  ChatCitation,
  ChatEvent,
  ChatNotice,
  Understanding,
} from '../chat/index.ts';
import type { DraftEvent, DraftParagraph, DraftPath, DraftWarning, WarningCode } from '../draft/index.ts';
import type { CheckResult } from '../figures/index.ts';
import type { GuardedReason } from '../guarded/index.ts';

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** An object typed by the engine's type `T`. */
const object = <T>() => z.custom<T>(isObject);
/** A string typed by the engine's union `T` (new members need no change here). */
const word = <T extends string>() => z.custom<T>((value) => typeof value === 'string');
const messages = { message_zh: z.string(), message_en: z.string() };

/** The guarded generation's events, the same in both streams: text, a retry (text void), a fallback (text void, the engine's text stands). */
const guardedWire = [
  z.object({ type: z.literal('delta'), text: z.string() }),
  z.object({ type: z.literal('retry'), attempt: z.number(), reason: word<GuardedReason>(), ...messages }),
  z.object({ type: z.literal('fallback'), reason: word<GuardedReason>(), ...messages }),
] as const;

/** A notice (something to know about how the text was made), the same shape in both streams. */
const notice = <Code extends string>() =>
  z.object({ type: z.literal('notice'), code: word<Code>(), ...messages, target: z.string().optional() });

/** One event of the chat stream as the client reads it. */
export const chatWireEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('meta'),
    understanding: object<Understanding>(),
    mode: word<AnswerMode>(),
    model: z.string().nullable(),
  }),
  ...guardedWire,
  notice<ChatNotice['code']>(),
  z.object({
    type: z.literal('final'),
    answer: z.string(),
    mode: word<AnswerMode>(),
    citations: z.array(object<ChatCitation>()),
    figures: z.array(object<AnswerFigure>()),
    notices: z.array(object<ChatNotice>()),
    model: z.string().nullable(),
    understanding: object<Understanding>(),
  }),
]);

/** A chat event as the client sees it: the notice and the final answer arrive flat. */
export type ChatWireEvent = z.infer<typeof chatWireEvent>;

/** The SSE data of a chat event (its name carries the type): the final answer sent flat. */
export function chatWireData(event: ChatEvent): object {
  if (event.type === 'final') return event.answer;
  const { type: _type, ...data } = event;
  return data;
}

/** One event of the draft-section stream as the client reads it: the engine's DraftEvent itself. */
export const draftWireEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    stage: word<Extract<DraftEvent, { type: 'progress' }>['stage']>(),
    message_zh: z.string(),
  }),
  ...guardedWire,
  notice<WarningCode>(),
  z.object({
    type: z.literal('final'),
    paragraph: object<DraftParagraph>(),
    check: object<CheckResult>(),
    path: word<DraftPath>(),
    pathLabel: z.string(),
    warnings: z.array(object<DraftWarning>()),
  }),
]);

/** The SSE data of a draft event: the event without its type (the event name carries it). */
export function draftWireData(event: DraftEvent): object {
  const { type: _type, ...data } = event;
  return data;
}
