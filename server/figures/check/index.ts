/** A text checked claim by claim: against its record, a derivation, or the parts of a stated total. */

export type { CheckOptions } from './check.ts';
export { checkText, resolveYear } from './check.ts';
export { rateParts } from './derived-rates.ts';
