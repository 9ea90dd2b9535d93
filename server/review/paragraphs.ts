/**
 * The text of a .docx paragraph as the report reader (mammoth) sees it, with a map from each
 * character back to the run and position it comes from. Body paragraphs (tables included) come
 * first, then the notes in the order they are referenced — the reader's order. A line break
 * (`w:br`) ends a line as it ends a block for the reader. Deleted text and fields' instructions
 * add nothing; text boxes and drawings are left out (the reader puts them elsewhere).
 */
import { type RunPiece, runPieces } from './runs.ts';
import { childNamed, elementChildren, parseXml, type XmlElement } from './xml.ts';

/** Where a character of a line comes from: a run and the offset in that run's text. */
export interface CharSource {
  part: string;
  run: XmlElement;
  pos: number;
}

/** One line of text as the reader extracts it, with the source of each character (null: added by the reader). */
export interface TextLine {
  part: string;
  text: string;
  sources: (CharSource | null)[];
}

/** A part of the package read: its source, tree and the pieces of each run. */
export interface StoryPart {
  name: string;
  xml: string;
  runs: Map<XmlElement, RunPiece[]>;
}

/** The lines of a document and the parts they come from. */
export interface DocumentText {
  lines: TextLine[];
  parts: StoryPart[];
}

/** Containers the reader descends into; any other element (fields, text boxes, drawings…) it skips. */
const containers = new Set([
  'w:body',
  'w:tbl',
  'w:tc',
  'w:sdtContent',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:hyperlink',
  'w:footnote',
  'w:endnote',
]);

interface NoteRef {
  kind: 'footnote' | 'endnote';
  id: string;
}

/** Reads the lines of one story (the body, or one note) into `lines`. */
class StoryReader {
  private line: TextLine | null = null;
  /** What a paragraph whose mark was deleted leaves for the next one. */
  private carried: TextLine | null = null;

  constructor(
    private readonly part: StoryPart,
    private readonly lines: TextLine[],
    private readonly noteLabel: (reference: XmlElement) => string,
  ) {}

  walk(node: XmlElement): void {
    for (const child of elementChildren(node)) {
      if (child.name === 'w:p') this.paragraph(child);
      else if (child.name === 'w:r') this.run(child);
      else if (child.name === 'w:sdt') {
        const content = childNamed(child, 'w:sdtContent');
        if (content) this.walk(content);
      } else if (child.name === 'w:tr') {
        const row = childNamed(child, 'w:trPr');
        if (!row || !childNamed(row, 'w:del')) this.walk(child);
      } else if (containers.has(child.name)) this.walk(child);
    }
  }

  private paragraph(p: XmlElement): void {
    this.line = this.carried ?? { part: this.part.name, text: '', sources: [] };
    this.carried = null;
    this.walk(p);
    const markProperties = childNamed(childNamed(p, 'w:pPr') ?? { children: [] }, 'w:rPr');
    if (markProperties && childNamed(markProperties, 'w:del')) this.carried = this.line;
    else this.lines.push(this.line);
    this.line = null;
  }

  private run(r: XmlElement): void {
    const pieces = runPieces(r, this.noteLabel);
    this.part.runs.set(r, pieces);
    if (!this.line) return;
    let pos = 0;
    for (const piece of pieces) {
      if (piece.kind === 'break') {
        this.lines.push(this.line);
        this.line = { part: this.part.name, text: '', sources: [] };
        continue;
      }
      for (let i = 0; i < piece.text.length; i++) {
        this.line.text += piece.text[i];
        this.line.sources.push({ part: this.part.name, run: r, pos: pos + i });
      }
      pos += piece.text.length;
    }
  }
}

/**
 * Reads a document's lines from its main part and its notes parts (any may be absent).
 * @example readDocumentText({ 'word/document.xml': xml }).lines.map((l) => l.text)
 */
export function readDocumentText(xmlByPart: Record<string, string | undefined>): DocumentText {
  const lines: TextLine[] = [];
  const parts: StoryPart[] = [];
  const refs: NoteRef[] = [];
  const noteLabel = (reference: XmlElement): string => {
    refs.push({
      kind: reference.name === 'w:endnoteReference' ? 'endnote' : 'footnote',
      id: reference.attribs['w:id'] ?? '',
    });
    return `[${refs.length}]`;
  };
  const open = (name: string): { part: StoryPart; root: XmlElement | null } | null => {
    const xml = xmlByPart[name];
    if (xml === undefined) return null;
    const part: StoryPart = { name, xml, runs: new Map() };
    parts.push(part);
    const root = elementChildren(parseXml(xml))[0] ?? null;
    return { part, root };
  };
  const main = open('word/document.xml');
  const body = main?.root ? childNamed(main.root, 'w:body') : null;
  if (main && body) new StoryReader(main.part, lines, noteLabel).walk(body);
  const notes = { footnote: open('word/footnotes.xml'), endnote: open('word/endnotes.xml') };
  // Notes follow the body in the order of their references; references inside notes add to the list.
  for (let i = 0; i < refs.length; i++) {
    const story = notes[refs[i].kind];
    const note = story?.root
      ? elementChildren(story.root).find((n) => n.attribs['w:id'] === refs[i].id)
      : undefined;
    if (!story || !note) continue;
    const first = lines.length;
    new StoryReader(story.part, lines, noteLabel).walk(note);
    const opening = lines.slice(first).find((l) => l.text.trim());
    if (opening) {
      const prefix = `[${refs[i].id}]`;
      opening.text = prefix + opening.text;
      opening.sources = [...Array.from(prefix, () => null), ...opening.sources];
    }
  }
  return { lines, parts };
}
