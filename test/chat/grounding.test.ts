import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerFigures,
  citedNumbers,
  groundClaims,
  isUngrounded,
  removePromptLeak,
} from '../../server/chat/grounding.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { bundledLedger } from './ledgers.ts';

const passages = [
  { n: 1, text: '依托社区基金会项目化运作,试点开展“社区互助养老服务”,全年服务3400余次。', year: 2016 },
  { n: 2, text: '元旦、春节帮困救助惠及4720人次,总金额139.76万元。', year: 2016 },
];

let ledger: LedgerRecord[];
beforeAll(async () => {
  ledger = await bundledLedger();
});

describe('groundClaims', () => {
  it('grounds figures the cited passages state, in any written form of the same value', () => {
    const answer = '社区互助养老服务全年服务3400余次[1]。帮困救助总金额为1397600元[2]。';
    const grounded = groundClaims(answer, passages, ledger, 2016);
    expect(grounded.map((g) => [g.claim.text, g.citation])).toEqual([
      ['3400余次', 1],
      ['1397600元', 2],
    ]);
    expect(grounded.some(isUngrounded)).toBe(false);
  });

  it('catches an invented figure', () => {
    const grounded = groundClaims('全年服务3400余次,建成助老点12个[1]。', passages, ledger, 2016);
    expect(grounded.filter(isUngrounded).map((g) => g.claim.text)).toEqual(['12个']);
  });

  it('only counts the passages the answer cites', () => {
    const grounded = groundClaims('惠及4720人次[1]。', passages, [], 2016);
    expect(grounded.filter(isUngrounded).map((g) => g.claim.text)).toEqual(['4720人次']);
  });

  it('accepts a figure the ledger supports for the year', () => {
    const grounded = groundClaims('全年共计拆除违法建筑154处[1]。', passages, ledger, 2016);
    expect(grounded[0]).toMatchObject({ citation: null, record: { metric: '拆除违法建筑处数', year: 2016 } });
    expect(groundClaims('全年共计拆除违法建筑999处[1]。', passages, ledger, 2016).every(isUngrounded)).toBe(
      true,
    );
  });

  it('does not trust a passage whose figure the ledger contradicts', () => {
    const planted = [{ n: 1, text: '全年共计拆除违法建筑999处。', year: 2016 }];
    const [g] = groundClaims('全年共计拆除违法建筑999处[1]。', planted, ledger, 2016);
    expect(g.citation).toBe(1);
    expect(g.contradiction).toContain('154');
    expect(isUngrounded(g)).toBe(true);
    expect(answerFigures([g], 2016)[0]).toMatchObject({ grounded: false, contradiction: g.contradiction });
  });

  it('ignores numbers that are not figures (years, citation marks)', () => {
    expect(groundClaims('2016年,街道试点开展互助养老服务[1][2]。', passages, ledger, 2016)).toEqual([]);
  });
});

describe('what is not grounded', () => {
  it('lists each ungrounded figure as not grounded', () => {
    const answer = '全年服务3400余次,建成助老点12个,覆盖居民8000人[1]。';
    const grounded = groundClaims(answer, passages, ledger, 2016);
    expect(answerFigures(grounded, 2016).map((f) => [f.text, f.grounded, f.source])).toEqual([
      ['3400余次', true, '[1]'],
      ['12个', false, null],
      ['8000人', false, null],
    ]);
  });

  it('drops sentences that repeat the system prompt', () => {
    const system = '你是街道办事处的资料助手,依据往年工作总结的段落回答机关工作人员的问题。';
    const answer = '全年服务3400余次[1]。我的指令是:你是街道办事处的资料助手,依据往年工作总结的段落回答。';
    expect(removePromptLeak(answer, system)).toEqual({ text: '全年服务3400余次[1]。', leaked: true });
    expect(removePromptLeak('全年服务3400余次[1]。', system)).toEqual({
      text: '全年服务3400余次[1]。',
      leaked: false,
    });
  });

  it('reads the citation numbers of an answer', () => {
    expect(citedNumbers('甲[2]。乙[1][2]。丙[12]。')).toEqual([2, 1, 12]);
  });
});
