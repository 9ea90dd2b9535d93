/**
 * A parsed material cut into sentences, each with its department, file and place and what it is:
 * work done (content) or a heading, a table cell, the opening statement, an announcement of what
 * follows, a plan or shortcoming of the closing section. Pure.
 */
import type { Paragraph, Report } from '../report/index.ts';
import { itemHeading } from '../report/index.ts';
import type { MaterialChunk, MaterialKind, MaterialSection } from '../store/index.ts';
import { splitSentences } from '../text/index.ts';

/** What a material is added as: its year, its department, and when. */
export interface MaterialMeta {
  year: number;
  department: string;
  addedAt: string;
}

/** Sentence ends: a paragraph without one is a heading or a label (a table cell, a signature). */
const sentenceEnd = /[。!?;\uFF01\uFF1F\uFF1B]/;
/** Sentences that announce what follows (现将全年工作总结如下：, 主要做了以下工作：). */
const announces = /[:\uFF1A]$|(如下|以下|下列)[^。]{0,12}[。]?$/;
/** Fewer Han characters than this: a label, not a statement of work. */
const minContentHan = 6;

const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

/** True when a paragraph is a heading or a label line rather than prose. */
function isLabelLine(text: string): boolean {
  return text.length <= 40 && !sentenceEnd.test(text);
}

/** The kind of a sentence of prose in a section. */
function kindOf(sentence: string, section: MaterialSection): MaterialKind {
  if (section === 'closing') return 'plan';
  if (announces.test(sentence)) return 'announcement';
  if (hanCount(sentence) < minContentHan) return 'label';
  return section === 'preamble' ? 'intro' : 'content';
}

interface Placed {
  paragraph: Paragraph;
  section: MaterialSection;
  /** The part's title ('' outside parts and for unnamed parts). */
  partTitle: string;
}

/** Every paragraph of the material in reading order, with its section and part title. */
function placed(report: Report): Placed[] {
  return [
    ...report.preamble.map((paragraph) => ({ paragraph, section: 'preamble' as const, partTitle: '' })),
    ...(report.partsIntro
      ? [{ paragraph: report.partsIntro, section: 'preamble' as const, partTitle: '' }]
      : []),
    // A part of the plan (or problems) section of a material says what is still to do, not what was done.
    ...report.parts.flatMap((part) =>
      part.paragraphs.map((paragraph) => ({
        paragraph,
        section: part.kind === 'review' ? ('part' as const) : ('closing' as const),
        partTitle: part.title,
      })),
    ),
    ...report.closing.map((paragraph) => ({ paragraph, section: 'closing' as const, partTitle: '' })),
  ];
}

/**
 * The sentences of a material: headings and labels as one sentence each, prose split on sentence
 * ends. A sentence stands under the nearest label line that opens prose (◆文体活动) or item heading
 * run into prose (1.安全生产。今年…) within its part, else under its part's title.
 * @example materialChunks(parsed, { year: 2017, department: '社区服务办公室', addedAt }).filter((c) => c.kind === 'content')
 */
export function materialChunks(report: Report, meta: MaterialMeta): MaterialChunk[] {
  const all = placed(report);
  const chunks: MaterialChunk[] = [];
  let heading = '';
  let partTitle: string | null = null;
  all.forEach(({ paragraph, section, partTitle: title }, i) => {
    if (title !== partTitle) {
      partTitle = title;
      heading = title;
    }
    const base = {
      materialId: report.id,
      year: meta.year,
      department: meta.department,
      fileName: report.source.fileName ?? '',
      title: report.title,
      encoding: report.source.encoding,
      section,
      paragraph: paragraph.index,
      figures: [],
      addedAt: meta.addedAt,
    };
    const id = (n: number): string => `${report.id}:${meta.year}:${paragraph.index}:${n}`;
    const text = paragraph.text;
    if (isLabelLine(text)) {
      const next = all[i + 1]?.paragraph.text;
      const opensProse = next !== undefined && !isLabelLine(next) && all[i + 1].partTitle === title;
      const kind: MaterialKind = section === 'closing' ? 'plan' : opensProse ? 'heading' : 'label';
      chunks.push({ ...base, id: id(0), heading, sentence: 0, kind, text, ...paragraph.span });
      if (opensProse) heading = text;
      return;
    }
    // An item's heading run into its prose (1.安全生产。今年…): the heading its sentences stand under.
    const item = section === 'closing' ? null : itemHeading(text);
    if (item) {
      const at = paragraph.span.start;
      chunks.push({
        ...base,
        id: id(0),
        heading,
        sentence: 0,
        kind: 'heading',
        text: text.slice(0, item.end),
        start: at,
        end: at + item.end,
      });
      heading = item.title;
    }
    const skip = item ? 1 : 0;
    const from = item?.rest ?? 0;
    splitSentences(text.slice(from)).forEach((span, n) => {
      const sentence = text.slice(from + span.start, from + span.end);
      chunks.push({
        ...base,
        id: id(n + skip),
        heading,
        sentence: n + skip,
        kind: kindOf(sentence, section),
        text: sentence,
        start: paragraph.span.start + from + span.start,
        end: paragraph.span.start + from + span.end,
      });
    });
  });
  return chunks;
}
