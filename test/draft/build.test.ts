import { beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { allParagraphs } from '../../server/draft/document/walk.ts';
import { draftMarkdown, draftText } from '../../server/draft/render.ts';
import type { Draft, DraftParagraph } from '../../server/draft/types.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { checkText, extractClaims } from '../../server/figures/index.ts';
import type { Report } from '../../server/report/index.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { ledgers, report2016 } from './corpus.ts';

describe('the 2017 draft carried forward from the bundled 2016 report', () => {
  let report: Report;
  let l2016: LedgerRecord[];
  let l2017: LedgerRecord[];
  let draft: Draft;
  let paragraphs: DraftParagraph[];

  beforeAll(async () => {
    report = await report2016();
    const loaded = await ledgers();
    l2016 = loaded.l2016;
    l2017 = loaded.l2017;
    draft = buildDraft({
      year: 2017,
      report,
      stored: true,
      ledger: loaded.both,
      ledgerSource: 'ganquan-2017-sample.csv',
      id: 'd2017-test',
      now: new Date('2018-01-05T08:00:00Z'),
    });
    paragraphs = allParagraphs(draft);
  });

  it('has the new title and the six parts (一)…(六) with last year’s titles', () => {
    expect(draft.title).toBe('甘泉路街道2017年工作总结');
    expect(draft.parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
    expect(draft.parts[0].title).toBe('注重保障民生,公共服务能级提升');
    expect(draft.partsIntro?.text).toBe('主要开展了以下六方面工作:');
    expect(draft.closing).toHaveLength(1);
    expect(draft.footnotes.map((f) => f.mark)).toEqual([1, 2]);
    expect(draft.fromReportId).toBe(report.id);
  });

  it('passes the checker with zero contradictions, as text and as Markdown', () => {
    for (const text of [draftText(draft), draftMarkdown(draft)]) {
      const { summary } = checkText(text, l2017, { year: 2017 });
      expect(summary.contradicted).toBe(0);
      expect(summary.supported).toBeGreaterThanOrEqual(47);
    }
  });

  it('keeps every 2016 figure without a 2017 value inside 【待核实】, and no other 2016 figure', () => {
    const missing = l2016.filter((r) => !l2017.some((n) => n.year === 2017 && n.metric === r.metric));
    expect(missing.map((r) => r.metric).sort()).toEqual(
      [
        '第五批共有产权房选房户数',
        '第六批共有产权保障住房申请户数',
        '第六批共有产权保障住房受理户数',
        '库内销项任务量',
        '入围最美志愿服务社区的上海街道数',
        '承接大型配送演出场次',
        '更新功能牌数',
      ].sort(),
    );
    const text = draftText(draft);
    for (const marker of ['538户', '2589户', '801户', '4280平方米', '十家', '35场', '5块']) {
      expect(text).toContain(`【待核实:上年为${marker}】`);
    }
    const pending = paragraphs.flatMap((p) => p.figures.filter((f) => f.status === 'pending'));
    expect(pending.map((f) => f.metric).sort()).toEqual(missing.map((r) => r.metric).sort());
    // Outside the markers, no claim states a 2016 value that changed in 2017.
    const outside = text.replace(/【待核实[^】]*】/g, '');
    const stale = extractClaims(outside).filter((c) =>
      ['3400余次', '139.76万元', '154处', '18735件'].includes(c.text),
    );
    expect(stale).toEqual([]);
  });

  it('states at least 90% of the sample ledger’s 2017 metrics', () => {
    const metrics2017 = l2017.filter((r) => r.year === 2017).map((r) => r.metric);
    const placed = new Set(paragraphs.flatMap((p) => p.figures.flatMap((f) => (f.metric ? [f.metric] : []))));
    const checked = new Set(
      checkText(draftText(draft), l2017, { year: 2017 }).claims.flatMap((c) =>
        c.verdict === 'supported' && c.metric ? c.metric.split('、') : [],
      ),
    );
    const appear = metrics2017.filter((m) => placed.has(m) || checked.has(m));
    expect(appear.length / metrics2017.length).toBeGreaterThanOrEqual(0.9);
  });

  it('writes the figures in last year’s forms', () => {
    const text = draftText(draft);
    for (const written of [
      '全年服务3600余次',
      '总金额152.34万元',
      '完成二次供水改造61.5万平方米',
      '拆除违法建筑127处,7864平方米',
      '完成率达128.3%,名列全区第二',
      '结案率99.6%',
      '全年信访量同比下降12%',
      '立案同比下降15%',
      '街道连续八年成功创建',
      '接待居民约9.6万人次',
      '惠及统战人士900余人次',
      '2011-2015年“全国计划生育协会乡级先进单位”',
      // Bound to last year: marked for the writer, its year as written.
      '\u3016上年表述\uFF1A加强社区志愿服务中心建设,2016年通过市达标评估验收\u3017。',
    ]) {
      expect(text).toContain(written);
    }
  });

  it('places the four new metrics as sentences after the paragraph they fit best', () => {
    expect(draft.newMetrics.map((m) => m.metric).sort()).toEqual(
      ['新增社区食堂数', '老年助餐服务人次', '垃圾分类达标小区数', '独居老人结对关爱人数'].sort(),
    );
    const byMetric = new Map(draft.newMetrics.map((m) => [m.metric, m]));
    expect(byMetric.get('独居老人结对关爱人数')).toMatchObject({ partId: 'part-1', paragraphId: 'p2' });
    expect(byMetric.get('老年助餐服务人次')).toMatchObject({ partId: 'part-1', paragraphId: 'p2' });
    const first = draft.parts[0].paragraphs;
    const after = first[first.findIndex((p) => p.id === 'p2') + 1];
    expect(after).toMatchObject({ origin: 'new-metrics', pending: 0 });
    expect(after.text).toBe('全年老年助餐服务4.26万人次。全年独居老人结对关爱612人。');
    expect(after.figures.map((f) => f.status)).toEqual(['new', 'new']);
    expect(draft.parts[0].newMetrics.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every paragraph a stable id, last year’s text and consistent spans', () => {
    const ids = paragraphs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const old = new Map(
      [
        ...report.preamble,
        ...(report.partsIntro ? [report.partsIntro] : []),
        ...report.parts.flatMap((p) => p.paragraphs),
        ...report.closing,
      ].map((p) => [p.index, p.text]),
    );
    for (const p of paragraphs) {
      for (const f of p.figures) expect(p.text.slice(f.start, f.end)).toBe(f.text);
      if (p.origin === 'carry-forward') expect(p.sourceText).toBe(old.get(p.sourceParagraph ?? -1));
    }
    expect(draft.parts[0].paragraphs[0]).toMatchObject({
      id: 'p2',
      sourceParagraph: 2,
      topic: '丰富为老服务内涵。',
    });
  });

  it('parses back, as Markdown, into the same six parts', async () => {
    const back = await parseReportFile(new TextEncoder().encode(draftMarkdown(draft)), {
      fileName: 'draft.md',
    });
    expect(back.title).toBe(draft.title);
    expect(back.year).toBe(2017);
    expect(back.parts.map((p) => `${p.marker}${p.title}`)).toEqual(
      draft.parts.map((p) => `${p.marker}${p.title}`),
    );
    expect(back.footnotes).toHaveLength(2);
  });

  it('is deterministic for a fixed id and clock', () => {
    const again = buildDraft({
      year: 2017,
      report,
      stored: true,
      ledger: draft.ledger,
      ledgerSource: 'ganquan-2017-sample.csv',
      id: 'd2017-test',
      now: new Date('2018-01-05T08:00:00Z'),
    });
    expect(again).toEqual(draft);
  });
});

describe('a draft built with no ledger for its year', () => {
  let report: Report;
  let draft: Draft;
  beforeAll(async () => {
    report = await report2016();
    draft = buildDraft({
      year: 2017,
      report,
      stored: true,
      ledger: (await ledgers()).l2016,
      ledgerSource: 'x',
    });
  });

  it('is whole, every figure of last year’s text pending, and says so', () => {
    expect(draft.ledgerMissing).toBe(true);
    expect(draft.parts).toHaveLength(6);
    const figures = allParagraphs(draft).flatMap((p) => p.figures);
    expect(figures.length).toBe(extractClaims(report.text).length);
    expect(figures.every((f) => f.status === 'pending' && f.text.startsWith('【待核实:上年为'))).toBe(true);
    const outside = draftText(draft).replace(/【待核实[^】]*】/g, '');
    expect(extractClaims(outside)).toEqual([]);
    expect(checkText(draftText(draft), draft.ledger, { year: 2017 }).summary.contradicted).toBe(0);
  });

  it('marks the sentences bound to last year, as with a ledger', () => {
    const marks = allParagraphs(draft).flatMap((p) => p.text.match(/\u3016[^\u3017]*\u3017/g) ?? []);
    expect(marks).toHaveLength(8);
    expect(marks).toContain('\u3016上年表述\uFF1A甘泉路司法所被司法部授予“全国模范司法所”荣誉称号\u3017');
  });
});

describe('a two-year title', () => {
  it('moves both years: the review year and the plan year', async () => {
    const text =
      '××街道2023年工作总结和2024年工作思路\n\n  2023年是全面贯彻党的二十大精神的开局之年。全年拆除违法建筑154处。\n';
    const report = await parseReportFile(new TextEncoder().encode(text), { fileName: 'r.txt' });
    const draft = buildDraft({ year: 2024, report, stored: false, ledger: [], ledgerSource: 'x' });
    expect(draft.title).toBe('××街道2024年工作总结和2025年工作思路');
    expect(allParagraphs(draft)[0].text).toBe(
      '\u3016上年表述\uFF1A2023年是全面贯彻党的二十大精神的开局之年\u3017。全年拆除违法建筑【待核实:上年为154处】。',
    );
  });
});
