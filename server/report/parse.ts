import { createHash } from 'node:crypto';
import { normaliseText } from '../text/index.ts';
import { type Block, readBlocks } from './blocks.ts';
import { linkFootnotes } from './footnotes.ts';
import type { HeadingHint } from './hints.ts';
import { layoutBody } from './layout.ts';
import { type Draft, isPartsIntro } from './layout-drafts.ts';
import { orgField } from './metadata.ts';
import { titleOrg, titlePlanYear, titleYear } from './title.ts';
import { findTitle, repeatedTitle } from './title-block.ts';
import { footnoteMarkPattern, isTruncated, topicSentence } from './topic.ts';
import type { Paragraph, Part, Report, ReportSection, ReportSource } from './types.ts';

function toParagraph(text: string, draft: Draft): Paragraph {
  const body = text.slice(draft.span.start, draft.span.end);
  const marks = [...body.matchAll(footnoteMarkPattern)].map((m) => Number(m[1]));
  return {
    index: 0,
    text: body,
    topic: draft.heading ? null : topicSentence(body.slice(draft.bodyOffset)),
    span: { ...draft.span },
    truncated: draft.heading ? false : isTruncated(body),
    footnoteMarks: [...new Set(marks)],
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const stem = (fileName: string | null | undefined): string =>
  (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/** The office a page's metadata names (发布机构, 信息来源…), for a title that does not name it. */
function metadataOrg(blocks: Block[]): string | null {
  for (const b of blocks.slice(0, 40)) {
    const value = orgField(b.text.trim());
    const org = value ? titleOrg(value) : null;
    if (org) return org;
  }
  return null;
}

/**
 * The report year and plan year: the title's, except that a report titled with year Y whose first
 * section reviews Y−1 (a 2021年政府工作报告: 2020年工作回顾) covers Y−1 and plans Y; a report with no
 * year in its title takes the year its first section reviews, else the year its opening starts with;
 * a plan section names the plan year.
 */
function years(
  title: string,
  fileStem: string,
  sections: ReportSection[],
  opening: string,
): [number | null, number | null] {
  const named = (s: ReportSection | undefined): number | null => (s ? titleYear(s.title) : null);
  // With neither title nor review heading, a report opening on its year (2022年,面对…) reviews that year.
  const opened = /^((?:19|20)\d{2})年(?:以来)?[,\uFF0C]/.exec(opening.trim());
  const reviewed = named(sections.find((s) => s.kind === 'review')) ?? (opened ? Number(opened[1]) : null);
  const planned = named(sections.find((s) => s.kind === 'plan'));
  const own = titleYear(title) ?? (fileStem ? titleYear(fileStem) : null);
  const plan = titlePlanYear(title);
  if (own === null) return [reviewed, reviewed !== null && planned === reviewed + 1 ? planned : null];
  if (plan === null && reviewed === own - 1) return [reviewed, own];
  return [own, plan ?? (planned === own + 1 ? planned : null)];
}

/**
 * Parses report text into the typed Report: title, office, year (and plan year), preamble, the
 * sentence that announces the parts, the outer sections (review / problems / plan) and the parts with
 * their paragraphs and topic sentences, the closing section and footnotes linked to their marks. Every
 * span points into `Report.text` (the normalised input); paragraphs are numbered in reading order.
 * Never throws: odd text gives a report with fewer parts. `headings` are the heading positions a
 * formatted source (Markdown, HTML, .docx) marked.
 * @example parseReportText(seed).parts.map((p) => p.marker) // ['(一)', '(二)', … '(六)']
 */
export function parseReportText(
  input: string,
  source: Partial<ReportSource> = {},
  headings: HeadingHint[] = [],
): Report {
  const text = normaliseText(input);
  const found = readBlocks(text, headings);
  const read = findTitle(text, found);
  const repeats = repeatedTitle(found, read);
  const blocks = found.map((b, i): Block => (repeats.has(i) ? { ...b, kind: 'junk' } : b));
  const fileStem = stem(source.fileName);
  const title = read.title || fileStem;
  const layout = layoutBody(text, blocks, read.index);

  const introAt = layout.preamble.length - 1;
  const hasIntro =
    introAt >= 0 &&
    layout.parts.length > 0 &&
    isPartsIntro(text.slice(layout.preamble[introAt].span.start, layout.preamble[introAt].span.end));
  const preamble = (hasIntro ? layout.preamble.slice(0, introAt) : layout.preamble).map((d) =>
    toParagraph(text, d),
  );
  const partsIntro = hasIntro ? toParagraph(text, layout.preamble[introAt]) : null;
  const parts: Part[] = layout.parts.map(({ heading, drafts, kind, section }, n) => ({
    number: n + 1,
    marker: heading.marker,
    title: heading.title,
    headingSpan: heading.span,
    paragraphs: drafts.map((d) => toParagraph(text, d)),
    kind,
    section,
  }));
  const sections: ReportSection[] = layout.sections.map((s, n) => ({
    number: n + 1,
    kind: s.kind,
    marker: s.heading.marker,
    title: s.heading.title,
    headingSpan: s.heading.span,
    parts: s.parts.map((i) => i + 1),
  }));
  const closing = layout.closing.map((d) => toParagraph(text, d));

  // Reading order is the text's order (a problems section's closing can come before a plan's parts).
  const all = [
    ...preamble,
    ...(partsIntro ? [partsIntro] : []),
    ...parts.flatMap((p) => p.paragraphs),
    ...closing,
  ];
  [...all]
    .sort((a, b) => a.span.start - b.span.start)
    .forEach((p, i) => {
      p.index = i;
    });
  const footnotes = linkFootnotes(text, layout.footnoteBlocks, all);
  const [year, planYear] = years(title, fileStem, sections, all[0]?.text ?? '');

  return {
    id: sha256(text),
    title,
    org: titleOrg(title) ?? metadataOrg(blocks) ?? (fileStem ? titleOrg(fileStem) : null),
    year,
    planYear,
    text,
    titleSpan: read.span,
    preamble,
    partsIntro,
    sections,
    parts,
    closing,
    footnotes,
    source: {
      fileName: source.fileName ?? null,
      format: source.format ?? 'txt',
      encoding: source.encoding ?? 'utf-8',
      bytes: source.bytes ?? Buffer.byteLength(input, 'utf8'),
    },
  };
}
