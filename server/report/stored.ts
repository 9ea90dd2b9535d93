import type { Part, Report } from './types.ts';

/**
 * A report read back from its stored JSON. Reports stored before outer sections and plan years were
 * read get them filled in as a report without sections reads (no sections, no plan year, every part
 * a review part), so an existing store needs no migration.
 */
export function reportFromJson(json: string): Report {
  const stored = JSON.parse(json) as Report;
  const parts = stored.parts.map(
    (p): Part => ({ ...p, kind: p.kind ?? 'review', section: p.section ?? null }),
  );
  return { ...stored, planYear: stored.planYear ?? null, sections: stored.sections ?? [], parts };
}
