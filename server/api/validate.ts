import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { validationError } from './problem.ts';

/**
 * zod validation for a request part; failures become the API's JSON problem (400) so every route
 * reports bad input the same way.
 * @example app.post('/x', validate('json', z.object({ text: z.string() })), (c) => …)
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error.issues, result.data);
  });
}
