import { beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { findParagraph } from '../../server/draft/document/find.ts';
import { draftSummary, pendingTotal } from '../../server/draft/document/summary.ts';
import { allParagraphs, mapParagraphs, replaceParagraph } from '../../server/draft/document/walk.ts';
import type { Draft, DraftParagraph } from '../../server/draft/types.ts';
import { pendingMarker } from '../../server/marks/index.ts';
import { ledgers, report2016 } from './corpus.ts';

describe('the draft document', () => {
  let draft: Draft;

  beforeAll(async () => {
    const loaded = await ledgers();
    draft = buildDraft({
      year: 2017,
      report: await report2016(),
      stored: true,
      ledger: loaded.both,
      ledgerSource: 'ganquan-2017-sample.csv',
      id: 'd2017-document',
      now: new Date('2018-01-05T08:00:00Z'),
    });
  });

  it('walks every paragraph once in reading order: preamble, parts intro, parts, closing', () => {
    const ids = allParagraphs(draft).map((p) => p.id);
    const intro = draft.partsIntro;
    expect(intro).not.toBeNull();
    expect(ids).toEqual([
      ...draft.preamble.map((p) => p.id),
      intro?.id,
      ...draft.parts.flatMap((part) => part.paragraphs.map((p) => p.id)),
      ...draft.closing.map((p) => p.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts the markers of the parts intro too (the status line agrees with the draft summary)', () => {
    const intro = draft.partsIntro as DraftParagraph;
    const before = pendingTotal(draft);
    const marked = replaceParagraph(draft, {
      ...intro,
      text: `${intro.text}${pendingMarker('6方面')}`,
      pending: intro.pending + 1,
    });
    expect(pendingTotal(marked)).toBe(before + 1);
    expect(draftSummary(marked).pending).toBe(before + 1);
    expect(before).toBe(allParagraphs(draft).reduce((n, p) => n + p.pending, 0));
    expect(before).toBeGreaterThan(0);
  });

  it('finds a paragraph with its place: the parts intro belongs to the opening, a part paragraph to its part', () => {
    const intro = draft.partsIntro as DraftParagraph;
    expect(findParagraph(draft, intro.id)).toMatchObject({ place: { kind: 'preamble' }, part: null });
    const part = draft.parts[2];
    const found = findParagraph(draft, part.paragraphs[1].id);
    expect(found?.paragraph).toBe(part.paragraphs[1]);
    expect(found?.part).toBe(part);
    expect(found?.place).toEqual({ kind: 'part', part });
    expect(findParagraph(draft, draft.closing[0].id)?.place).toEqual({ kind: 'closing' });
    expect(findParagraph(draft, 'nope')).toBeNull();
  });

  it('maps every paragraph, and replaces one by id leaving the rest', () => {
    const mapped = mapParagraphs(draft, (p) => ({ ...p, text: `${p.id}!` }));
    expect(allParagraphs(mapped).every((p) => p.text === `${p.id}!`)).toBe(true);
    const p = draft.parts[4].paragraphs[1];
    const next = replaceParagraph(draft, { ...p, text: '生成的新文本。', origin: 'model' });
    expect(next.parts[4].paragraphs[1]).toMatchObject({ id: p.id, text: '生成的新文本。' });
    expect(
      allParagraphs(next).filter((q) => q.text !== allParagraphs(draft).find((o) => o.id === q.id)?.text),
    ).toHaveLength(1);
  });

  it('summarises the draft as the workspace lists it', () => {
    expect(draftSummary(draft)).toEqual({
      id: 'd2017-document',
      title: draft.title,
      year: 2017,
      org: draft.org,
      fromTitle: draft.fromTitle,
      paragraphs: allParagraphs(draft).length,
      pending: pendingTotal(draft),
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
    });
  });
});
