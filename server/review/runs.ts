/**
 * A Word run (`w:r`) as the reader sees it — a row of pieces each adding text — and the run
 * rewritten with comment markup at given positions and a highlight over given ranges: the run is
 * split at those positions into runs with the same properties (`w:rPr` copied as written).
 */
import {
  childNamed,
  elementChildren,
  escapeXml,
  isSelfClosing,
  openTagEnd,
  sourceOf,
  textOf,
  type XmlElement,
} from './xml.ts';

/** One child of a run and the text it adds to the paragraph (`break`: a line break, which ends a line). */
export interface RunPiece {
  element: XmlElement;
  text: string;
  kind: 'text' | 'atom' | 'break';
}

/** A stand-in for a symbol (`w:sym`) whose character the reader maps from a symbol font. */
export const symbolChar = '\uFFFC';

/**
 * The pieces of a run, as mammoth reads them: text, tab, non-breaking and soft hyphens, symbols,
 * note references (`[n]`, from `noteLabel`) and line breaks; everything else adds nothing.
 */
export function runPieces(run: XmlElement, noteLabel: (reference: XmlElement) => string): RunPiece[] {
  return elementChildren(run)
    .filter((child) => child.name !== 'w:rPr')
    .map((element): RunPiece => {
      switch (element.name) {
        case 'w:t':
          return { element, text: textOf(element), kind: 'text' };
        case 'w:tab':
          return { element, text: '\t', kind: 'atom' };
        case 'w:noBreakHyphen':
          return { element, text: '\u2011', kind: 'atom' };
        case 'w:softHyphen':
          return { element, text: '\u00AD', kind: 'atom' };
        case 'w:sym':
          return { element, text: symbolChar, kind: 'atom' };
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          return { element, text: noteLabel(element), kind: 'atom' };
        case 'w:br': {
          const type = element.attribs['w:type'];
          return { element, text: '', kind: !type || type === 'textWrapping' ? 'break' : 'atom' };
        }
        default:
          return { element, text: '', kind: 'atom' };
      }
    });
}

/** Run properties that come before `w:highlight` in CT_RPr's sequence (Word rejects them out of order). */
const beforeHighlight = new Set(
  'rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs'
    .split(' ')
    .map((n) => `w:${n}`),
);

/** The run properties as written, with a highlight added unless the writer already set one. */
function propertiesWith(xml: string, rPr: XmlElement | null, color: string | null): string {
  const own = rPr ? sourceOf(xml, rPr) : '';
  if (!color) return own;
  const mark = `<w:highlight w:val="${color}"/>`;
  if (!rPr) return `<w:rPr>${mark}</w:rPr>`;
  if (childNamed(rPr, 'w:highlight')) return own;
  if (isSelfClosing(xml, rPr)) return `<w:rPr>${mark}</w:rPr>`;
  const last = elementChildren(rPr)
    .filter((c) => beforeHighlight.has(c.name))
    .at(-1);
  const at = last ? (last.endIndex ?? 0) + 1 : openTagEnd(xml, rPr);
  const start = rPr.startIndex ?? 0;
  return `${own.slice(0, at - start)}${mark}${own.slice(at - start)}`;
}

/** Comment markup to put at a position of a run, and ranges to highlight. */
export interface RunEdit {
  /** Positions are offsets in the run's text (0 … its length); markup at one position keeps its order. */
  marks: { at: number; xml: string }[];
  paint: { from: number; to: number; color: string }[];
}

/** The run's source rewritten as consecutive runs cut at every mark and highlight edge. */
export function renderRun(xml: string, run: XmlElement, pieces: readonly RunPiece[], edit: RunEdit): string {
  const length = pieces.reduce((n, p) => n + p.text.length, 0);
  if (length === 0) return sourceOf(xml, run);
  const open = xml.slice(run.startIndex ?? 0, openTagEnd(xml, run));
  const rPr = childNamed(run, 'w:rPr');
  const cuts = [0, length, ...edit.marks.map((m) => m.at), ...edit.paint.flatMap((p) => [p.from, p.to])];
  const points = [...new Set(cuts.filter((c) => c >= 0 && c <= length))].sort((a, b) => a - b);
  const marksAt = (at: number): string =>
    edit.marks
      .filter((m) => m.at === at)
      .map((m) => m.xml)
      .join('');
  let out = marksAt(0);
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    const color = edit.paint.find((p) => p.from <= from && to <= p.to)?.color ?? null;
    out += `${open}${propertiesWith(xml, rPr, color)}${segment(xml, pieces, from, to, to === length)}</${run.name}>`;
    out += marksAt(to);
  }
  return out;
}

/** The pieces of [from, to) as XML: whole pieces as written, a cut text piece as a new `w:t`. */
function segment(xml: string, pieces: readonly RunPiece[], from: number, to: number, last: boolean): string {
  let out = '';
  let at = 0;
  for (const piece of pieces) {
    const start = at;
    const end = at + piece.text.length;
    at = end;
    if (piece.kind !== 'text' || start === end) {
      if ((from <= start && start < to) || (last && start === to)) out += sourceOf(xml, piece.element);
      continue;
    }
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a >= b) continue;
    out +=
      a === start && b === end
        ? sourceOf(xml, piece.element)
        : `<w:t xml:space="preserve">${escapeXml(piece.text.slice(a - start, b - start))}</w:t>`;
  }
  return out;
}
