/**
 * Last year's plan section (三、2024年工作计划 with its items) in the new draft: not this year's work,
 * so not carried forward. It is kept visible at the end of the parts, under its heading with the
 * years moved (三、2025年工作计划), each item wrapped in 〖上年计划：…〗 with its figures as 【待核实…】
 * markers, for the writer to replace with next year's plan. Pure.
 */

import { countPending, planOpen } from '../marks/index.ts';
import type { Part, Report } from '../report/index.ts';
import { heldParagraph } from './carry-forward.ts';
import type { DraftParagraph, DraftPart } from './types.ts';
import { moveTitleYears } from './years.ts';

/** One paragraph of a plan item, the item's heading run in before the first (1.全力稳增长促发展。力争…). */
function planParagraph(part: Part, i: number, fromYear: number): DraftParagraph {
  const paragraph = part.paragraphs[i];
  const heading = i === 0 && part.title ? `${part.marker}${part.title.replace(/[。.]$/, '')}\u3002` : '';
  const source = `${heading}${paragraph.text}`;
  const held = heldParagraph(source, planOpen, fromYear);
  return {
    id: `p${paragraph.index}`,
    text: held.text,
    topic: null,
    origin: 'plan',
    sourceParagraph: paragraph.index,
    sourceText: paragraph.text,
    figures: held.figures,
    pending: countPending(held.text),
  };
}

/** The draft part holding last year's plan for the writer, or null when the report has no plan section. */
export function planPart(report: Report, fromYear: number, year: number): DraftPart | null {
  const items = report.parts.filter((p) => p.kind === 'plan');
  if (items.length === 0) return null;
  const section = report.sections.find((s) => s.kind === 'plan');
  const title = section?.title ?? `${fromYear + 1}年工作计划`;
  return {
    id: 'plan',
    kind: 'plan',
    marker: section?.marker ?? '',
    title: moveTitleYears(title, fromYear, year),
    sourcePart: null,
    paragraphs: items.flatMap((part) => part.paragraphs.map((_, i) => planParagraph(part, i, fromYear))),
    newMetrics: [],
  };
}
