import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../../cli/client.ts';
import { branchParagraphs, findParagraph, outlineRows } from '../../../../cli/ui/draft/outline.ts';
import { draftProblems } from '../../../../cli/ui/draft/problems.ts';
import type { Draft } from '../../../../server/draft/index.ts';
import { allParagraphs, pendingTotal } from '../../../../server/draft/index.ts';
import type { CheckResult } from '../../../../server/figures/index.ts';
import { createDraft, loadBundled, openApi, type TestApi } from '../support.tsx';

let api: TestApi;
let draft: Draft;
let checks: Map<string, CheckResult>;
beforeAll(async () => {
  api = await openApi();
  await loadBundled(api.client);
  draft = await createDraft(api.client);
  const result = await unwrap(await api.client.api.draft.check.$post({ json: { draftId: draft.id } }));
  checks = new Map(result.paragraphs.map((p) => [p.paragraphId, p.check]));
});
afterAll(() => api.close());

describe('outline rows', () => {
  it('lists 标题, 开头, the six parts, 存在问题, 注释 when everything is closed', () => {
    const labels = outlineRows(draft, new Set()).map((r) => r.label);
    expect(labels[0]).toBe('标题 甘泉路街道2017年工作总结');
    expect(labels[1]).toMatch(/^开头\(\d+ 段\)$/);
    expect(labels.slice(2, 8).map((l) => l.slice(0, 3))).toEqual([
      '(一)',
      '(二)',
      '(三)',
      '(四)',
      '(五)',
      '(六)',
    ]);
    expect(labels[2]).toBe('(一)注重保障民生,公共服务能级提升');
    expect(labels[8]).toMatch(/^存在问题/);
    expect(labels[9]).toMatch(/^注释\(2 条\)$/);
  });

  it('lists an open part’s paragraphs under it, numbered, by topic sentence', () => {
    const second = draft.parts[1];
    const rows = outlineRows(draft, new Set([second.id]));
    const at = rows.findIndex((r) => r.key === `part:${second.id}`);
    const children = rows.slice(at + 1, at + 1 + second.paragraphs.length);
    expect(children.map((r) => r.kind)).toEqual(second.paragraphs.map(() => 'paragraph'));
    expect(children[0].label).toBe('1 社区人居环境得以改善。');
    expect(rows[at + 1 + second.paragraphs.length].label.startsWith('(三)')).toBe(true);
  });

  it('finds paragraphs and their branches; reading order covers every paragraph once', () => {
    const ids = allParagraphs(draft).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const p = draft.parts[2].paragraphs[1];
    expect(findParagraph(draft, p.id)?.branch).toEqual({ kind: 'part', partId: draft.parts[2].id });
    expect(branchParagraphs(draft, { kind: 'closing' })).toEqual(draft.closing);
    expect(findParagraph(draft, 'nope')).toBeNull();
  });
});

describe('draft problems', () => {
  it('lists every pending marker once, and no claim inside a marker', () => {
    const problems = draftProblems(draft, checks);
    const pending = problems.filter((p) => p.kind === 'pending');
    expect(pending.length).toBe(pendingTotal(draft));
    expect(pending.length).toBeGreaterThan(0);
    for (const p of pending) expect(p.figure.text).toMatch(/^【待核实/);
    for (const p of problems) {
      if (p.kind !== 'claim') continue;
      const paragraph = findParagraph(draft, p.paragraphId)?.paragraph;
      const inside = paragraph?.figures.some(
        (f) => f.status === 'pending' && p.claim.start >= f.start && p.claim.end <= f.end,
      );
      expect(inside).toBe(false);
    }
  });

  it('keeps reading order, and text order within a paragraph', () => {
    const order = allParagraphs(draft).map((p) => p.id);
    const problems = draftProblems(draft, checks);
    for (let i = 1; i < problems.length; i++) {
      const [a, b] = [problems[i - 1], problems[i]];
      const [ia, ib] = [order.indexOf(a.paragraphId), order.indexOf(b.paragraphId)];
      expect(ia < ib || (ia === ib && a.start <= b.start)).toBe(true);
    }
  });
});
