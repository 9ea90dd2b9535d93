import { Hono } from 'hono';
import { z } from 'zod';
import {
  allParagraphs,
  buildDraft,
  type Draft,
  draftSchema,
  draftSection,
  draftStats,
  draftWhole,
  findParagraph,
  paragraphNotFound,
  pathLabels,
  proposePartTitles,
  renumberParts,
  replaceParagraph,
  type SectionDeps,
} from '../draft/index.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { checkText } from '../figures/index.ts';
import { search } from '../retrieve/index.ts';
import { exportDraft } from './draft-export.ts';
import { draftInputs } from './draft-inputs.ts';
import { draftOnlySchema, exportSchema, outlineSchema, sectionSchema, wholeSchema } from './draft-schemas.ts';
import { sseEvents } from './sse.ts';
import { draftWireData } from './streams.ts';
import { validate } from './validate.ts';

/**
 * /api/draft — drafting next year's summary: outline (the carry-forward draft), whole report, one
 * section streamed as Server-Sent Events, part titles, check, renumber and export.
 */
export function draftRoutes(engine: Engine) {
  const exemplars: SectionDeps['exemplars'] = async (query) => {
    const hits = await search(await engine.store(), query, { k: 4, section: 'part' });
    return hits.map((h) => h.text);
  };

  const resolveDraft = async (ref: { draftId?: string; draft?: Draft }): Promise<Draft> => {
    if (ref.draft) return ref.draft;
    const id = ref.draftId ?? '';
    const draft = await (await engine.drafts()).load(id);
    if (!draft) throw new GovdraftError('not_found', `没有找到草稿 ${id}`, `No draft with id ${id}`);
    return draft;
  };

  return new Hono()
    .post('/outline', validate('json', outlineSchema), async (c) => {
      const body = c.req.valid('json');
      const built = buildDraft(await draftInputs(engine, c, body));
      const draft = body.save ? await (await engine.drafts()).save(built) : built;
      return c.json({ draft }, 201);
    })
    .post('/', validate('json', wholeSchema), async (c) => {
      const body = c.req.valid('json');
      const started = performance.now();
      const result = await draftWhole(await draftInputs(engine, c, body), {
        mode: body.mode,
        model: engine.chatModel,
        exemplars,
        save: async (draft) => (await engine.drafts()).save(draft),
        signal: c.req.raw.signal,
      });
      return c.json({ ...result, elapsedMs: Math.round(performance.now() - started) }, 201);
    })
    .post('/section', validate('json', sectionSchema), async (c) => {
      const body = c.req.valid('json');
      const draft = await resolveDraft(body);
      if (!findParagraph(draft, body.paragraphId)) throw paragraphNotFound(draft.id, body.paragraphId);
      const { paragraphId, mode, notes, metrics, draftId } = body;
      return sseEvents(
        c,
        async function* (signal) {
          const events = draftSection(
            { draft, paragraphId, mode, notes, metrics },
            { model: engine.chatModel, exemplars, signal },
          );
          for await (const event of events) {
            // The saved draft takes the paragraph before the client hears it is final.
            if (event.type === 'final' && draftId) {
              await (await engine.drafts()).update(draftId, (saved) =>
                replaceParagraph(saved, event.paragraph),
              );
            }
            yield event;
          }
        },
        draftWireData,
      );
    })
    .post('/titles', validate('json', draftOnlySchema), async (c) => {
      const draft = await resolveDraft(c.req.valid('json'));
      const result = await proposePartTitles(draft, engine.chatModel, c.req.raw.signal);
      return c.json({ ...result, pathLabel: pathLabels[result.path] });
    })
    .post('/check', validate('json', draftOnlySchema), async (c) => {
      const draft = await resolveDraft(c.req.valid('json'));
      const paragraphs = allParagraphs(draft).map((p) => ({
        paragraphId: p.id,
        check: checkText(p.text, draft.ledger, { year: draft.year }),
      }));
      return c.json({ summary: draftStats(draft).check, paragraphs });
    })
    .post('/renumber', validate('json', z.object({ draft: draftSchema })), async (c) =>
      c.json({ draft: renumberParts(c.req.valid('json').draft) }),
    )
    .post('/export', validate('json', exportSchema), async (c) => {
      const body = c.req.valid('json');
      const draft = renumberParts(await resolveDraft(body));
      return c.json(await exportDraft(draft, body.format, body.trace));
    });
}
