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

/**
 * POST /api/search — hybrid (vector + full-text) retrieval over past reports, with labelled citations;
 * `Server-Timing` says how long the search and the JSON took.
 */
export function searchRoutes(engine: Engine) {
  return new Hono().post('/', validate('json', searchSchema), async (c) => {
    const { query, ...options } = c.req.valid('json');
    const started = performance.now();
    const hits = await search(await engine.store(), query, options);
    const searched = performance.now();
    // A label people read; without the report at hand a paragraph's number within its part is not
    // known (none is shown), a footnote's mark is.
    const label = (hit: (typeof hits)[number]) =>
      citationText(hit.citation, paragraphNumber(null, hit.chunk));
    const res = c.json({ hits: hits.map((hit) => ({ ...hit, label: label(hit) })) });
    const ms = (from: number, to: number): string => (to - from).toFixed(1);
    res.headers.append(
      'Server-Timing',
      `search;dur=${ms(started, searched)}, json;dur=${ms(searched, performance.now())}`,
    );
    return res;
  });
}
