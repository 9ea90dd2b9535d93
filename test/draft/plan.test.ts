/** Last year's plan section in a new draft: left to the writer, visible and marked, never carried. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { heldParagraph } from '../../server/draft/carry-forward.ts';
import { allParagraphs } from '../../server/draft/document/walk.ts';
import { draftText } from '../../server/draft/render.ts';
import { renumberParts } from '../../server/draft/renumber.ts';
import { draftStats } from '../../server/draft/whole.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { parseLedger } from '../../server/figures/index.ts';
import { countYearBound, planOpen, unmarkYearBound } from '../../server/marks/index.ts';
import { parseReportText } from '../../server/report/index.ts';

// A report of another shape than the seed: review, problems and plan under 一、二、三、 with 1. items.
const source = [
  '青石镇2023年工作总结和2024年工作计划',
  '',
  '一、2023年工作回顾',
  '',
  '  1.农业提质增效。新建高标准农田3250亩,完成土地流转1.18万亩。',
  '',
  '  2.平安建设成效明显。全镇道路交通事故起数同比下降18.6%。',
  '',
  '二、存在的问题',
  '',
  '  一是产业结构有待优化;二是公共服务仍有差距。',
  '',
  '三、2024年工作计划',
  '',
  '  1.加快推进乡村振兴。新建高标准农田3000亩,完成农村公路提档升级10公里。',
  '',
  '  2.持续改善民生福祉。新增城镇就业1200人以上,2024年新增学位300个。',
].join('\n');

/** Three years of a ledger, read as a file is (亩 in its base unit), with values the plan's figures could wrongly take. */
const ledgerCsv = [
  '年度,指标名称,数值,计量单位',
  '2023,新建高标准农田面积,3250,亩',
  '2024,新建高标准农田面积,3478,亩',
  '2023,土地流转面积,1.18,万亩',
  '2024,土地流转面积,1.21,万亩',
  '2022,道路交通事故起数,215,起',
  '2023,道路交通事故起数,175,起',
  '2024,道路交通事故起数,187,起',
  '2024,新增城镇就业人数,1316,人',
  '2024,新增学位数,385,个',
].join('\n');
let ledger: LedgerRecord[];
beforeAll(async () => {
  ledger = await parseLedger(Buffer.from(ledgerCsv), 'test.csv');
});

const draftOf = () =>
  buildDraft({
    year: 2024,
    report: parseReportText(source),
    stored: false,
    ledger,
    ledgerSource: 'test.csv',
  });

describe('the plan section of last year’s report in the new draft', () => {
  it('is kept after the work under its heading with the years moved, not among the numbered parts', () => {
    const draft = draftOf();
    expect(draft.title).toBe('青石镇2024年工作总结和2025年工作计划');
    expect(draft.parts.map((p) => [p.marker, p.title, p.kind])).toEqual([
      ['(一)', '农业提质增效', undefined],
      ['(二)', '平安建设成效明显', undefined],
      ['三、', '2025年工作计划', 'plan'],
    ]);
    expect(renumberParts(draft).parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '三、']);
  });

  it('marks each item as last year’s plan for the writer: figures pending, years as written', () => {
    const plan = draftOf().parts[2];
    expect(plan.paragraphs.map((p) => p.text)).toEqual([
      `${planOpen}1.加快推进乡村振兴\u3002新建高标准农田【待核实:上年为3000亩】,完成农村公路提档升级【待核实:上年为10公里】\u3017。`,
      `${planOpen}2.持续改善民生福祉\u3002新增城镇就业【待核实:上年为1200人以上】,2024年新增学位【待核实:上年为300个】\u3017。`,
    ]);
    expect(plan.paragraphs.every((p) => p.origin === 'plan' && p.pending === 2)).toBe(true);
    for (const f of plan.paragraphs.flatMap((p) => p.figures))
      expect(f).toMatchObject({
        status: 'pending',
        audit: { rows: [], reason: expect.stringContaining('撰稿人') },
      });
    // 3478亩 is this year's actual, not next year's target: it is never put in the plan.
    expect(draftText(draftOf())).not.toMatch(/3478亩[^】]*\u3017/);
  });

  it('carries the review, recomputes a 同比 whose level the paragraph does not state, and counts the plan as marks', () => {
    const draft = draftOf();
    const texts = allParagraphs(draft).map((p) => p.text);
    expect(texts).toContain('新建高标准农田3478亩,完成土地流转1.21万亩。');
    expect(texts).toContain('全镇道路交通事故起数同比增长6.9%。');
    expect(draft.newMetrics.every((m) => m.partId !== 'plan')).toBe(true);
    const stats = draftStats(draft);
    expect(stats.check.contradicted).toBe(0);
    expect(stats.yearBound).toBe(2);
    expect(stats.origins.plan).toBe(2);
  });

  it('heldParagraph leaves a text that already holds a mark unwrapped, its figures still pending', () => {
    const held = heldParagraph(
      '\u3016上年表述\uFF1A2023年举办第三届油菜花节\u3017,接待游客18.6万人次。',
      planOpen,
      2023,
    );
    expect(held.text).toBe(
      '\u3016上年表述\uFF1A2023年举办第三届油菜花节\u3017,接待游客【待核实:上年为18.6万人次】。',
    );
    expect(countYearBound(`${planOpen}某事\u3017。`)).toBe(1);
    expect(unmarkYearBound(`前文。${planOpen}1.加快推进乡村振兴\u3017。`)).toBe('前文。1.加快推进乡村振兴。');
  });
});
