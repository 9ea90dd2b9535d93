import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '../../server/figures/index.ts';
import type { ModelEvent } from '../../server/models/index.ts';
import { type FigureJudge, withheldMark } from '../../server/stream/hold.ts';
import { holdFigures } from '../../server/stream/stream.ts';

/** A judge by the figure's text: the set given is accepted, anything else rejected; every call recorded. */
function judgeOf(accepted: string[], calls: string[] = []): FigureJudge {
  return (_text: string, figure: ExtractedClaim) => {
    calls.push(figure.text);
    return accepted.includes(figure.text) ? 'show' : 'hide';
  };
}

async function* eventsOf(chunks: (string | 'RETRY')[]): AsyncGenerator<ModelEvent> {
  for (const c of chunks) {
    yield c === 'RETRY'
      ? { type: 'retry', attempt: 1, message_zh: '重试', message_en: 'retry' }
      : { type: 'delta', text: c };
  }
}

/** The deltas the hold lets out, one entry per input chunk step, and the raw text it returns. */
async function run(chunks: (string | 'RETRY')[], judge: FigureJudge) {
  const out: string[] = [];
  const held = holdFigures(eventsOf(chunks), judge);
  let step = await held.next();
  for (; !step.done; step = await held.next())
    out.push(step.value.type === 'delta' ? step.value.text : '|retry|');
  return { out, shown: out.join(''), raw: step.value };
}

describe('holding figures back in a stream', () => {
  it.each([
    {
      name: 'a rejected figure split across chunks never leaves',
      chunks: ['全年累计完成1', '69处,', '居民满意。'],
      accepted: [],
      shown: `全年累计完成${withheldMark},居民满意。`,
      first: '全年累计完成',
    },
    {
      name: 'an accepted figure leaves whole once its quantity has ended',
      chunks: ['拆除违法建筑1', '54处', ',9058平方', '米。'],
      accepted: ['154处', '9058平方米'],
      shown: '拆除违法建筑154处,9058平方米。',
      first: '拆除违法建筑',
    },
    {
      name: 'a decimal split at its point',
      chunks: ['总金额139.', '76万元。'],
      accepted: ['139.76万元'],
      shown: '总金额139.76万元。',
      first: '总金额',
    },
    {
      name: 'the words before a change pass; the rejected change is withheld',
      chunks: ['信访量同比下降3', '4%。'],
      accepted: [],
      shown: `信访量同比下降${withheldMark}。`,
      first: '信访量同比下降',
    },
    {
      name: 'years, citations and words with numerals are not figures: no judge asked',
      chunks: ['2016年,', '一是进一步加强', '管理[1]。'],
      accepted: [],
      shown: '2016年,一是进一步加强管理[1]。',
      first: '2016年,',
    },
  ])('$name', async ({ chunks, accepted, shown, first }) => {
    const calls: string[] = [];
    const result = await run(chunks, judgeOf(accepted, calls));
    expect(result.shown).toBe(shown);
    expect(result.out[0]).toBe(first);
    expect(result.raw).toBe(chunks.join(''));
    for (const c of calls) expect(accepted.includes(c) || shown.includes(withheldMark)).toBe(true);
  });

  it('asks the judge nothing about numbers that are no figures', async () => {
    const calls: string[] = [];
    await run(['2016年,一是进一步加强管理[1]。'], judgeOf([], calls));
    expect(calls).toEqual([]);
  });

  it('waits while the judge waits, and decides at the end of the stream', async () => {
    const waitForCitation: FigureJudge = (text, _figure, done) =>
      text.includes('[1]') ? 'show' : done ? 'hide' : 'wait';
    const cited = await run(['服务3400余次', ',覆盖', '居民[1]。'], waitForCitation);
    expect(cited.out).toEqual(['服务', '3400余次,覆盖居民[1]。']);
    const never = await run(['服务3400余次', ',覆盖居民。'], waitForCitation);
    expect(never.shown).toBe(`服务${withheldMark},覆盖居民。`);
  });

  it('asks a waiting judge again only once a boundary character has come', async () => {
    const asked: string[] = [];
    const judge: FigureJudge = (text, _figure, done) => {
      asked.push(text);
      return text.includes('[1]') ? 'show' : done ? 'hide' : 'wait';
    };
    const result = await run(['服务3400余次,', '覆', '盖', '居', '民', '[1]。'], judge);
    expect(result.shown).toBe('服务3400余次,覆盖居民[1]。');
    expect(asked).toEqual(['服务3400余次,', '服务3400余次,覆盖居民[1]。']);
  });

  it('a retry voids the held text and starts afresh', async () => {
    const result = await run(['拆除违法建筑1', 'RETRY', '拆除违法建筑154处。'], judgeOf(['154处']));
    expect(result.out).toEqual(['拆除违法建筑', '|retry|', '拆除违法建筑154处。']);
    expect(result.raw).toBe('拆除违法建筑154处。');
  });

  it('holds a quantity until enough text follows to know its unit', async () => {
    const result = await run(['完成改造1', '2', '万平方', '米左右的'], judgeOf(['12万平方米左右']));
    expect(result.out[0]).toBe('完成改造');
    expect(result.shown).toBe('完成改造12万平方米左右的');
  });
});
