import { beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { normaliseDraft } from '../../server/draft/normalise.ts';
import { partMarker, renumberParts } from '../../server/draft/renumber.ts';
import type { Draft } from '../../server/draft/types.ts';
import { ledgers, report2016 } from './corpus.ts';

describe('renumbering parts and normalising a draft for saving', () => {
  let draft: Draft;
  beforeAll(async () => {
    const { both } = await ledgers();
    draft = buildDraft({
      year: 2017,
      report: await report2016(),
      stored: true,
      ledger: both,
      ledgerSource: 'x',
    });
  });

  it('writes markers in order after a reorder, ids untouched', () => {
    const reordered = {
      ...draft,
      parts: [draft.parts[2], draft.parts[0], ...draft.parts.slice(3), draft.parts[1]],
    };
    const renumbered = renumberParts(reordered);
    expect(renumbered.parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
    expect(renumbered.parts.map((p) => p.id)).toEqual(reordered.parts.map((p) => p.id));
    expect(renumbered.parts[0].title).toBe('建设平安甘泉,公共安全可控有序');
  });

  it('updates the intro’s count when parts are added or removed', () => {
    const extra = { ...draft.parts[0], id: 'part-new', marker: '', title: '新增一部分', sourcePart: null };
    expect(renumberParts({ ...draft, parts: [...draft.parts, extra] }).partsIntro?.text).toBe(
      '主要开展了以下七方面工作:',
    );
    expect(renumberParts({ ...draft, parts: draft.parts.slice(0, 5) }).partsIntro?.text).toBe(
      '主要开展了以下五方面工作:',
    );
  });

  it('keeps the bracket style the draft uses', () => {
    const fullWidth = { ...draft, parts: draft.parts.map((p) => ({ ...p, marker: '（一）' })) };
    expect(renumberParts(fullWidth).parts[1].marker).toBe('（二）');
    expect(partMarker(10)).toBe('(十)');
  });

  it('leaves a headingless block without a marker', () => {
    const block = { ...draft.parts[0], marker: '', title: '' };
    expect(renumberParts({ ...draft, parts: [block] }).parts[0].marker).toBe('');
  });

  it('recomputes spans, pending counts and topics after a writer’s edit', () => {
    const part = draft.parts[0];
    const p = part.paragraphs.find((q) => q.id === 'p3');
    if (!p) throw new Error('p3 missing');
    const edited = {
      ...p,
      origin: 'writer' as const,
      text: `托底保障更加有力。${p.text.replace('【待核实:上年为538户】', '560户').replace(/^落实托底保障政策。/, '')}`,
    };
    const saved = normaliseDraft(
      {
        ...draft,
        parts: [
          { ...part, paragraphs: part.paragraphs.map((q) => (q.id === 'p3' ? edited : q)) },
          ...draft.parts.slice(1),
        ],
      },
      new Date('2018-02-01T00:00:00Z'),
    );
    const after = saved.parts[0].paragraphs.find((q) => q.id === 'p3');
    if (!after) throw new Error('p3 missing');
    expect(after.topic).toBe('托底保障更加有力。');
    expect(after.pending).toBe(2);
    expect(after.figures).toHaveLength(4);
    for (const f of after.figures) expect(after.text.slice(f.start, f.end)).toBe(f.text);
    expect(saved.updatedAt).toBe('2018-02-01T00:00:00.000Z');
  });
});
