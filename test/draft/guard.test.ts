import { describe, expect, it } from 'vitest';
import { describeViolation, guardFigures, guardPassed } from '../../server/draft/guard.ts';
import { carriedOverMark } from '../../server/marks/index.ts';

const given =
  '落实托底保障政策。元旦、春节帮困救助惠及4985人次,总金额139.76万元。完成第五批【待核实:上年为538户】共有产权房居民选房。';

describe('the numeric guard', () => {
  it('passes a reworded answer with exactly the same figures', () => {
    const answer =
      '托底保障政策有效落实。元旦、春节期间帮困救助惠及4985人次,发放总金额139.76万元。完成第五批【待核实:上年为538户】共有产权房居民选房工作。';
    expect(guardPassed(guardFigures(given, answer))).toBe(true);
  });

  it('rejects 139.76万元 written as 140万元', () => {
    const v = guardFigures(given, given.replace('139.76万元', '140万元'));
    expect(v.missing).toEqual(['139.76万元']);
    expect(v.added).toEqual(['140万元']);
    expect(describeViolation(v)).toBe('多出了未提供的数字:140万元;缺少或改动了数字:139.76万元');
  });

  it('rejects an invented figure', () => {
    const v = guardFigures(given, `${given}新增帮扶对象120户。`);
    expect(v.added).toEqual(['120户']);
    expect(guardPassed(v)).toBe(false);
  });

  it('rejects a dropped figure and a changed qualifier', () => {
    expect(guardFigures('全年服务3600余次。', '全年服务3600次。').missing).toEqual(['3600余次']);
    expect(guardFigures(given, given.replace('惠及4985人次,', '')).missing).toEqual(['4985人次']);
  });

  it('rejects a lost or altered pending marker', () => {
    const v = guardFigures(given, given.replace('【待核实:上年为538户】', '538户'));
    expect(v.markers).toEqual(['【待核实:上年为538户】']);
    expect(v.added).toEqual(['538户']);
  });

  it('rejects a 沿用上年·待更新 mark the answer smoothed into the text', () => {
    const mark = carriedOverMark('完成甘泉快捷照护站建设项目');
    const marked = `${mark}。${given}`;
    expect(guardPassed(guardFigures(marked, marked))).toBe(true);
    expect(guardFigures(marked, marked.replace(mark, '完成甘泉快捷照护站建设项目')).markers).toEqual([mark]);
  });

  it('rejects a year-bound mark the answer lost or reworded, passes one kept verbatim', () => {
    const marked = `\u3016上年表述\uFF1A2016年是开局之年\u3017。${given}`;
    expect(guardPassed(guardFigures(marked, marked.replace('惠及', '共惠及')))).toBe(true);
    const lost = guardFigures(marked, marked.replace(/\u3016上年表述\uFF1A|\u3017/g, ''));
    expect(lost.markers).toEqual(['\u3016上年表述\uFF1A2016年是开局之年\u3017']);
    expect(describeViolation(lost)).toContain('删去、改动或添加了标记');
    const moved = guardFigures(marked, marked.replace('2016年是开局之年', '2017年是开局之年'), [2017]);
    expect(guardPassed(moved)).toBe(false);
  });

  it('rejects a carried-over mark the answer lost, and a mark it added; passes one kept verbatim', () => {
    const mark = '\u3016沿用上年·待更新\uFF1A完成甘泉快捷照护站建设项目\u3017';
    const marked = `${given}${mark}。`;
    expect(guardPassed(guardFigures(marked, marked.replace('惠及', '共惠及')))).toBe(true);
    const lost = guardFigures(marked, marked.replace(mark, '完成甘泉快捷照护站建设项目'));
    expect(lost.markers).toEqual([mark]);
    const added = guardFigures(given, `${given}${mark}。`);
    expect(added.markers).toEqual([mark]);
    const altered = guardFigures(marked, marked.replace('建设项目', '建设'));
    expect(altered.markers).toHaveLength(1);
  });

  it('rejects a year that was not given, accepts one that was', () => {
    expect(guardFigures(given, `2016年${given}`).years).toEqual(['2016']);
    expect(guardFigures(given, `2017年${given}`, [2017]).years).toEqual([]);
  });
});
