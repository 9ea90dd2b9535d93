/**
 * OOXML parts read as a tree that remembers where each node sits in the source string, so edits
 * splice new text into the original and every byte outside an edited element stays as it was.
 * htmlparser2 (already the HTML reader's parser) in XML mode gives those source indices.
 */
import { parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
/** An element of a parsed part, with its source span [startIndex, endIndex]. */
export type XmlElement = Extract<Node, { attribs: Record<string, string> }>;

/** A replacement of the source range [start, end) by `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Parses an XML part keeping source positions (names keep their prefix and case: `w:t`). */
export function parseXml(xml: string): ReturnType<typeof parseDocument> {
  return parseDocument(xml, { xmlMode: true, withStartIndices: true, withEndIndices: true });
}

/** True for an element node. */
export function isElement(node: Node | null | undefined): node is XmlElement {
  return node != null && 'attribs' in node;
}

/** The element children of a node. */
export function elementChildren(node: { children: Node[] }): XmlElement[] {
  return node.children.filter(isElement);
}

/** The first child element named `name`, or null. */
export function childNamed(node: { children: Node[] }, name: string): XmlElement | null {
  return elementChildren(node).find((c) => c.name === name) ?? null;
}

/** Every descendant element named `name`, in document order. */
export function descendantsNamed(node: { children: Node[] }, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (n: { children: Node[] }): void => {
    for (const child of elementChildren(n)) {
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}

/** The decoded text content of an element (entities resolved). */
export function textOf(element: XmlElement): string {
  let text = '';
  for (const child of element.children) {
    if ('data' in child && child.type === 'text') text += child.data;
    else if (isElement(child)) text += textOf(child);
  }
  return text;
}

/** The element exactly as written in the source. */
export function sourceOf(xml: string, element: XmlElement): string {
  return xml.slice(element.startIndex ?? 0, (element.endIndex ?? 0) + 1);
}

/** Where the opening tag of the element ends (index just past its `>`); `>` inside quotes is skipped. */
export function openTagEnd(xml: string, element: XmlElement): number {
  let quote = '';
  for (let i = element.startIndex ?? 0; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return xml.length;
}

/** True when the element is written as one self-closing tag (`<w:rPr/>`). */
export function isSelfClosing(xml: string, element: XmlElement): boolean {
  return openTagEnd(xml, element) === (element.endIndex ?? 0) + 1 && xml[(element.endIndex ?? 0) - 1] === '/';
}

/** Escapes text for an XML text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Applies non-overlapping splices to a source string (in any order given). */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping XML edits at ${s.start}`);
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}
