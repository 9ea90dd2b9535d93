import { describe, expect, it } from 'vitest';
import {
  loadTurns,
  messagesFor,
  saveTurns,
  type Turn,
  type TurnStore,
} from '../../server/web/client/conversation.ts';

/** An in-memory store with a quota, like the browser's localStorage. */
function store(quota = Number.POSITIVE_INFINITY): TurnStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

const turns: Turn[] = [
  { role: 'user', content: '2016年拆除违法建筑多少处？' },
  { role: 'assistant', content: '154处[1]。' },
  { role: 'user', content: '那2017年呢？' },
  { role: 'assistant', content: '', error: '错误：服务忙' },
  { role: 'user', content: '那2015年呢？' },
  { role: 'assistant', content: '没有找到。' },
];

describe('conversation', () => {
  it('keeps turns across a reload', () => {
    const s = store();
    saveTurns(s, turns);
    expect(loadTurns(s)).toEqual(turns);
  });

  it.each([['not json'], ['{"role":"user"}'], ['[{"role":"system","content":"x"}, 5, null]']])(
    'reads a damaged store %j as no conversation',
    (raw) => {
      const s = store();
      s.items.set('govdraft.chat', raw);
      expect(loadTurns(s)).toEqual([]);
    },
  );

  it('drops the oldest turns when the quota is full', () => {
    const s = store(JSON.stringify(turns.slice(2)).length);
    saveTurns(s, turns);
    expect(loadTurns(s)).toEqual(turns.slice(2));
  });

  it('sends answered questions as context, not failed ones', () => {
    expect(messagesFor(turns, '那2018年呢？')).toEqual([
      { role: 'user', content: '2016年拆除违法建筑多少处？' },
      { role: 'assistant', content: '154处[1]。' },
      { role: 'user', content: '那2015年呢？' },
      { role: 'assistant', content: '没有找到。' },
      { role: 'user', content: '那2018年呢？' },
    ]);
    expect(messagesFor([], '第一个问题')).toEqual([{ role: 'user', content: '第一个问题' }]);
  });

  it('sends at most the last 20 turns of context', () => {
    const many: Turn[] = Array.from({ length: 30 }, (_, i) => [
      { role: 'user' as const, content: `问${i}` },
      { role: 'assistant' as const, content: `答${i}` },
    ]).flat();
    const messages = messagesFor(many, '新问题');
    expect(messages).toHaveLength(21);
    expect(messages[0]).toEqual({ role: 'user', content: '问20' });
  });
});
