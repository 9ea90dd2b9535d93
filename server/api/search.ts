import { Hono } from 'hono';
import { z } from 'zod';
import { citationText, paragraphNumber } from '../chat/index.ts';
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
    // A label people read; without the report at hand a paragraph's number within its part is not
    // known (none is shown), a footnote's mark is.
    const label = (hit: (typeof hits)[number]) =>
      citationText(hit.citation, paragraphNumber(null, hit.chunk));
    return c.json({ hits: hits.map((hit) => ({ ...hit, label: label(hit) })) });
  });
}
