import { describe, expect, it } from 'vitest';
import {
  carriedOverMark,
  carriedOverSpans,
  countCarriedOver,
  countYearBound,
  markable,
  pendingSpans,
  rewriteSpans,
  yearBoundMark,
} from '../../server/marks/index.ts';

describe('the 沿用上年·待更新 mark', () => {
  it('wraps a sentence body and finds it back, a figure marker inside kept whole', () => {
    const mark = carriedOverMark('完成改造【待核实:上年为538户】');
    expect(mark).toBe('\u3016沿用上年\u00B7待更新\uFF1A完成改造【待核实:上年为538户】\u3017');
    const text = `前文。${mark}。后文。`;
    expect(carriedOverSpans(text)).toEqual([{ start: 3, end: 3 + mark.length, text: mark }]);
    expect(countCarriedOver(text)).toBe(1);
    expect(pendingSpans(text).map((s) => s.text)).toEqual(['【待核实:上年为538户】']);
    expect(markable(mark)).toBe(false);
  });

  it.each([
    ['\u3016沿用上年\u00B7待更新:某事\u3017。', 1],
    ['\u3016上年表述\uFF1A某事\u3017。', 0],
    ['【沿用上年\u00B7待更新\uFF1A某事】。', 0],
    ['沿用上年的做法。', 0],
  ])('counts %s as %i carried-over mark(s)', (text, n) => {
    expect(countCarriedOver(text)).toBe(n);
  });

  it('lists every sentence mark for the writer in text order, each kind counted apart', () => {
    const carried = carriedOverMark('完成甘泉快捷照护站建设项目');
    const bound = yearBoundMark('2016年是开局之年');
    const text = `${carried}。${bound}。加强队伍建设。`;
    expect(rewriteSpans(text).map((s) => s.text)).toEqual([carried, bound]);
    expect(countCarriedOver(text)).toBe(1);
    expect(countYearBound(text)).toBe(1);
  });
});
