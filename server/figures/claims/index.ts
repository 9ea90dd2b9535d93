/** The checkable figures of a text: claims with subjects, ranks, non-figures, plan spans, the report's year. */
export type { ExtractedClaim } from './claims.ts';
export { extractClaims } from './claims.ts';
export { neighbours } from './neighbours.ts';
export { quotedNames } from './nonfigure.ts';
export { planSpans } from './plan.ts';
export { reportYear } from './year.ts';
