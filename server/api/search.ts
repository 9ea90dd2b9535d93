import { Hono } from 'hono';
import { z } from 'zod';
import { citationText } from '../chat/index.ts';
import type { Engine } from '../engine.ts';
import { search } from '../retrieve/index.ts';
import { validate } from './validate.ts';

export const searchSchema = z.object({
  query: z.string().trim().min(1).max(2000),
  k: z.number().int().min(1).max(50).default(5),
  year: z.number().int().min(1949).max(2100).optional(),
  org: z.string().min(1).max(100).optional(),
  part: z.number().int().min(0).max(50).optional(),
  section: z.enum(['title', 'preamble', 'part', 'closing', 'footnote']).optional(),
});

/** POST /api/search — hybrid (vector + full-text) retrieval over past reports, with labelled citations. */
export function searchRoutes(engine: Engine) {
  return new Hono().post('/', validate('json', searchSchema), async (c) => {
    const { query, ...options } = c.req.valid('json');
    const hits = await search(await engine.store(), query, options);
    // A label people read (the paragraph number within its part is not known here: none is shown).
    return c.json({ hits: hits.map((hit) => ({ ...hit, label: citationText(hit.citation, 0) })) });
  });
}
