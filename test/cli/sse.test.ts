import { describe, expect, it } from 'vitest';
import { readEvents } from '../../cli/sse.ts';
import { chatWireEvent, draftWireEvent, readSse, type SseMessage } from '../../server/api/index.ts';
import { GovdraftError } from '../../server/errors.ts';

/** A body delivering `chunks` as separate reads, as a network or a stream writer would. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function all(chunks: string[]): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  for await (const m of readSse(body(chunks))) out.push(m);
  return out;
}

const stream =
  'event: progress\ndata: {"stage":"check"}\nid: 0\n\nevent: delta\ndata: {"text":"甘泉"}\nid: 1\n\n';
const expected: SseMessage[] = [
  { event: 'progress', data: '{"stage":"check"}', id: '0' },
  { event: 'delta', data: '{"text":"甘泉"}', id: '1' },
];

describe('readSse', () => {
  it('reads named events with ids', async () => {
    expect(await all([stream])).toEqual(expected);
  });

  it('gives the same events however the body is cut, even inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode(stream);
    for (let cut = 1; cut < bytes.length; cut++) {
      const chunks = [bytes.slice(0, cut), bytes.slice(cut)];
      const split = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(c);
          controller.close();
        },
      });
      const out: SseMessage[] = [];
      for await (const m of readSse(split)) out.push(m);
      expect(out, `cut at byte ${cut}`).toEqual(expected);
    }
  });

  it.each([
    { name: 'CRLF line ends', chunks: ['event: a\r\ndata: 1\r\n\r\n'], out: [{ event: 'a', data: '1' }] },
    {
      name: 'CRLF cut between CR and LF',
      chunks: ['event: a\r', '\ndata: 1\r', '\n\r', '\n'],
      out: [{ event: 'a', data: '1' }],
    },
    { name: 'CR line ends', chunks: ['event: a\rdata: 1\r\r'], out: [{ event: 'a', data: '1' }] },
    {
      name: 'several data lines join with \\n',
      chunks: ['data: 一\ndata: 二\n\n'],
      out: [{ event: 'message', data: '一\n二' }],
    },
    {
      name: 'comments and unknown fields are ignored',
      chunks: [': ping\nretry: 5\nevent: a\ndata: x\n\n'],
      out: [{ event: 'a', data: 'x' }],
    },
    { name: 'no space after the colon', chunks: ['event:a\ndata:x\n\n'], out: [{ event: 'a', data: 'x' }] },
    {
      name: 'an event cut off by the end of the stream is dropped',
      chunks: ['event: a\ndata: 1\n\nevent: b\ndata: 2'],
      out: [{ event: 'a', data: '1' }],
    },
  ])('$name', async ({ chunks, out }) => {
    expect(await all(chunks)).toEqual(out);
  });
});

describe('readEvents', () => {
  it('parses each event’s JSON beside its name as `type` with the stream’s schema', async () => {
    const sent =
      'event: progress\ndata: {"stage":"check","message_zh":"核查"}\nid: 0\n\nevent: delta\ndata: {"text":"甘泉"}\nid: 1\n\n';
    const events = [];
    for await (const e of readEvents(new Response(body([sent])), draftWireEvent)) events.push(e);
    expect(events).toEqual([
      { type: 'progress', stage: 'check', message_zh: '核查' },
      { type: 'delta', text: '甘泉' },
    ]);
  });

  it('reads the guarded generation’s events the same in both streams; the old words are refused', async () => {
    const sent = [
      'event: delta\ndata: {"text":"全年"}\n\n',
      'event: retry\ndata: {"attempt":1,"reason":"guard_refused","message_zh":"重新生成","message_en":"again"}\n\n',
      'event: fallback\ndata: {"reason":"model_failed","message_zh":"已改用","message_en":"engine"}\n\n',
      'event: notice\ndata: {"code":"model_unavailable","message_zh":"未配置模型","message_en":"none"}\n\n',
    ].join('');
    for (const schema of [chatWireEvent, draftWireEvent]) {
      const events = [];
      for await (const e of readEvents(new Response(body([sent])), schema)) events.push(e);
      expect(events.map((e) => e.type)).toEqual(['delta', 'retry', 'fallback', 'notice']);
      expect(events[1]).toMatchObject({ attempt: 1, reason: 'guard_refused' });
    }
    for (const [schema, old] of [
      [chatWireEvent, 'restart'],
      [draftWireEvent, 'warning'],
    ] as const) {
      const old_ = `event: ${old}\ndata: {"reason":"repair","code":"x","message_zh":"a","message_en":"b"}\n\n`;
      const error = await (async () => {
        for await (const _ of readEvents(new Response(body([old_])), schema)) {
          // refused before anything is seen
        }
      })().catch((e: unknown) => e);
      expect(GovdraftError.isInstance(error)).toBe(true);
    }
  });

  it('refuses an event its stream does not define, or one missing a field, with a clear error', async () => {
    for (const sent of ['event: surprise\ndata: {}\n\n', 'event: delta\ndata: {"txt":"a"}\n\n']) {
      const error = await (async () => {
        for await (const _ of readEvents(new Response(body([sent])), chatWireEvent)) {
          // nothing valid to see
        }
      })().catch((e: unknown) => e);
      expect(GovdraftError.isInstance(error)).toBe(true);
      expect((error as GovdraftError).messageZh).toContain('无法识别的事件');
    }
  });

  it('throws the problem of an error event as a GovdraftError', async () => {
    const problem = {
      error: { code: 'model_failed', message_zh: '模型调用失败', message_en: 'Model failed' },
    };
    const response = new Response(
      body([`event: delta\ndata: {"text":"a"}\n\nevent: error\ndata: ${JSON.stringify(problem)}\n\n`]),
    );
    const seen: string[] = [];
    const run = async () => {
      for await (const e of readEvents(response, chatWireEvent)) seen.push(e.type);
    };
    const error = await run().catch((e: unknown) => e);
    expect(GovdraftError.isInstance(error)).toBe(true);
    expect((error as GovdraftError).code).toBe('model_failed');
    expect((error as GovdraftError).messageZh).toBe('模型调用失败');
    expect(seen).toEqual(['delta']);
  });

  it('throws the API problem of a non-2xx answer before reading events', async () => {
    const response = new Response(
      JSON.stringify({
        error: { code: 'not_found', message_zh: '没有找到草稿 x', message_en: 'No draft x' },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
    const error = await (async () => {
      for await (const _ of readEvents(response, draftWireEvent)) {
        // no events expected
      }
    })().catch((e: unknown) => e);
    expect((error as GovdraftError).code).toBe('not_found');
  });
});
