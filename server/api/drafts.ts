import { Hono } from 'hono';
import { z } from 'zod';
import { draftIdPattern, draftSchema } from '../draft/index.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { validate } from './validate.ts';

const idParam = z.object({ id: z.string().regex(draftIdPattern, 'draft ids are letters, digits, - and _') });

const notFound = (id: string) =>
  new GovdraftError('not_found', `没有找到草稿 ${id}`, `No draft with id ${id}`);

/**
 * /api/drafts — the drafts workspace the terminal UI edits: list (latest first), load, save (parts
 * renumbered, spans and counts recomputed; atomic write) and delete, under `<dataDir>/drafts/`.
 */
export function draftsRoutes(engine: Engine) {
  return new Hono()
    .get('/', async (c) => c.json({ drafts: await (await engine.drafts()).list() }))
    .get('/:id', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const draft = await (await engine.drafts()).load(id);
      if (!draft) throw notFound(id);
      return c.json({ draft });
    })
    .put('/:id', validate('param', idParam), validate('json', draftSchema), async (c) => {
      const { id } = c.req.valid('param');
      const draft = c.req.valid('json');
      if (draft.id !== id) {
        throw new GovdraftError(
          'bad_request',
          `草稿编号不一致:地址中为 ${id},内容中为 ${draft.id}`,
          `Draft id mismatch: ${id} in the path, ${draft.id} in the body`,
        );
      }
      return c.json({ draft: await (await engine.drafts()).save(draft) });
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await (await engine.drafts()).remove(id))) throw notFound(id);
      return c.json({ deleted: id });
    });
}
