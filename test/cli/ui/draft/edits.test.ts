import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../../cli/client.ts';
import {
  insertParagraph,
  moveParagraph,
  movePart,
  removeParagraph,
  removePart,
  setParagraphText,
  setPartTitle,
  setTitle,
  writerParagraph,
} from '../../../../cli/ui/draft/edits.ts';
import type { Draft } from '../../../../server/draft/index.ts';
import { createDraft, loadBundled, openApi, type TestApi } from '../support.tsx';

let api: TestApi;
let draft: Draft;
beforeAll(async () => {
  api = await openApi();
  await loadBundled(api.client);
  draft = await createDraft(api.client);
});
afterAll(() => api.close());

const titles = (d: Draft) => d.parts.map((p) => `${p.marker}${p.title}`);

/** Saves through the API, which renumbers and recomputes what the UI does not. */
async function save(d: Draft): Promise<Draft> {
  const { draft: saved } = await unwrap(
    await api.client.api.drafts[':id'].$put({ param: { id: d.id }, json: d }),
  );
  return saved as Draft;
}

describe('draft edits', () => {
  it('moving part (二) down swaps it with (三); the saved draft renumbers both', async () => {
    const second = draft.parts[1];
    const moved = movePart(draft, second.id, 1);
    expect(moved.parts.map((p) => p.id)).toEqual([
      draft.parts[0].id,
      draft.parts[2].id,
      second.id,
      ...draft.parts.slice(3).map((p) => p.id),
    ]);
    const saved = await save(moved);
    expect(saved.parts[1].marker).toBe('(二)');
    expect(saved.parts[2].marker).toBe('(三)');
    expect(saved.parts[2].title).toBe(second.title);
    expect(titles(await save(movePart(saved, second.id, -1)))).toEqual(titles(draft));
  });

  it('a move off either end changes nothing', () => {
    expect(movePart(draft, draft.parts[0].id, -1).parts).toEqual(draft.parts);
    const last = draft.parts[draft.parts.length - 1];
    expect(movePart(draft, last.id, 1).parts).toEqual(draft.parts);
  });

  it('removing a part leaves five, renumbered (一)…(五), and the intro counts five', async () => {
    const saved = await save(removePart(draft, draft.parts[2].id));
    expect(saved.parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)']);
    expect(saved.partsIntro?.text).toContain('五方面');
    await save(draft);
  });

  it('moves a paragraph within its part only', () => {
    const part = draft.parts[0];
    const [a, b] = part.paragraphs;
    const moved = moveParagraph(draft, a.id, 1);
    expect(moved.parts[0].paragraphs.slice(0, 2).map((p) => p.id)).toEqual([b.id, a.id]);
    expect(moved.parts.slice(1)).toEqual(draft.parts.slice(1));
  });

  it('sets titles and a paragraph text (the writer wrote it)', () => {
    expect(setTitle(draft, '新标题').title).toBe('新标题');
    expect(setPartTitle(draft, draft.parts[3].id, '聚焦同心家园').parts[3].title).toBe('聚焦同心家园');
    const p = draft.parts[1].paragraphs[0];
    const edited = setParagraphText(draft, p.id, '改写的段落。');
    expect(edited.parts[1].paragraphs[0]).toMatchObject({ id: p.id, text: '改写的段落。', origin: 'writer' });
    expect(setParagraphText(draft, p.id, p.text).parts[1].paragraphs[0].origin).toBe(p.origin);
  });

  it('inserts a new paragraph after the selected one, or last; removes it again', () => {
    const part = draft.parts[1];
    const fresh = writerParagraph();
    const after = insertParagraph(draft, { kind: 'part', partId: part.id }, part.paragraphs[0].id, fresh);
    expect(after.parts[1].paragraphs.map((p) => p.id)).toEqual([
      part.paragraphs[0].id,
      fresh.id,
      ...part.paragraphs.slice(1).map((p) => p.id),
    ]);
    const last = insertParagraph(draft, { kind: 'closing' }, null, fresh);
    expect(last.closing[last.closing.length - 1].id).toBe(fresh.id);
    expect(removeParagraph(after, fresh.id)).toEqual(draft);
  });

  it('a writer paragraph is accepted by the API as it is', async () => {
    const fresh = writerParagraph();
    const saved = await save(
      insertParagraph(draft, { kind: 'preamble' }, null, { ...fresh, text: '新增一段。' }),
    );
    expect(saved.preamble.map((p) => p.id)).toContain(fresh.id);
    await save(draft);
  });
});
