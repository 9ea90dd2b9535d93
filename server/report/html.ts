import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { normaliseText } from '../text/index.ts';
import type { ExtractedText, HeadingHint } from './hints.ts';

type Node = ReturnType<typeof parseDocument>['children'][number];
type ElementNode = Extract<Node, { attribs: Record<string, string> }>;
type DataNode = Extract<Node, { data: string }>;
type Parent = { children: Node[] };

const isElement = (node: Node): node is ElementNode =>
  node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
const isText = (node: Node): node is DataNode => node.type === ElementType.Text;

/** Elements that never hold report text. */
const dropTags = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'head',
]);
/** Page furniture by tag name: dropped unless it holds most of the page's text. */
const furnitureTags = new Set(['nav', 'aside', 'footer', 'header', 'menu']);
/** Page furniture by class or id: navigation, share bars, comments, sidebars, footers, ads. */
const furnitureName =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|sharebar|social|comments?|reply|replies|pinglun|footer|sidebar|side|aside|related|recommend|ads?|advert|banner|toolbar|print|login|copyright|pager|pagination|tags|weixin|qrcode|ewm|position|location|dqwz)(?=$|[\s_\-\d])/i;

const blockTags = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

const hanPattern = /\p{Script=Han}/gu;
const hanCount = (text: string): number => text.match(hanPattern)?.length ?? 0;

/** Han characters of a subtree that are not link text: the measure of "real content". */
function contentWeight(node: Node | Parent): number {
  if ('data' in node) return isText(node) ? hanCount(node.data) : 0;
  if ('name' in node && node.name === 'a') return 0;
  let sum = 0;
  for (const child of node.children) sum += contentWeight(child);
  return sum;
}

function isFurniture(element: ElementNode): boolean {
  if (furnitureTags.has(element.name)) return true;
  const name = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
  return furnitureName.test(name);
}

/** Removes scripts, styles, forms controls and page furniture; keeps any element with most of the text. */
function prune(parent: Parent, total: number): void {
  for (const child of [...parent.children]) {
    if (!isElement(child)) {
      if (child.type === ElementType.Comment || child.type === ElementType.Directive)
        DomUtils.removeElement(child);
      continue;
    }
    if (dropTags.has(child.name) || (isFurniture(child) && contentWeight(child) <= total * 0.5)) {
      DomUtils.removeElement(child);
    } else {
      prune(child, total);
    }
  }
}

/** The deepest element that still holds at least 80% of the content: the article body. */
function contentRoot(container: Parent): Parent {
  const total = contentWeight(container);
  let root = container;
  for (;;) {
    const next = root.children.filter(isElement).find((child) => contentWeight(child) >= total * 0.8);
    if (!next) return root;
    root = next;
  }
}

interface Block {
  text: string;
  linkChars: number;
  level: number;
}

/** Word footnotes as mammoth writes them: <li id="footnote-1"> with a back link "↑". */
const noteItem = /^(?:footnote|endnote)-(\d+)$/;
const noteBackLink = /^#(?:footnote|endnote)-ref-/;

/** Flattens an element into text blocks: one per block element or <br>, whitespace collapsed. */
function toBlocks(root: Parent): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let linkChars = 0;
  let level = 0;
  /** A footnote's [n], put before the first text of its list item (often inside a nested <p>). */
  let notePrefix = '';
  const flush = (): void => {
    const text = buffer.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) {
      blocks.push({ text: notePrefix + text, linkChars, level });
      notePrefix = '';
    }
    buffer = '';
    linkChars = 0;
    level = 0;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (isText(node)) {
      buffer += node.data;
      if (inLink) linkChars += node.data.trim().length;
      return;
    }
    if (!isElement(node)) return;
    if (node.name === 'br') {
      flush();
      return;
    }
    if (node.name === 'a' && noteBackLink.test(node.attribs.href ?? '')) return;
    const block = blockTags.has(node.name);
    if (block) flush();
    const heading = /^h([1-6])$/.exec(node.name);
    if (heading) level = Number(heading[1]);
    const note = node.name === 'li' ? noteItem.exec(node.attribs.id ?? '') : null;
    if (note) notePrefix = `[${note[1]}]`;
    for (const child of node.children) walk(child, inLink || node.name === 'a');
    if (block) flush();
  };
  for (const child of root.children) walk(child, false);
  flush();
  return blocks;
}

/** Endings of a report title: 工作总结, 报告, 要点… */
const genreEnding = /(总结|报告|汇报|回顾|计划|要点|规划|述职|情况)$/;

/**
 * The page's title: an <h1> that reads like a report title, else the <title> without the site name
 * after a separator, else the first <h1>.
 */
function pageTitle(document: ReturnType<typeof parseDocument>): string | null {
  const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const h1s = DomUtils.findAll((e) => e.name === 'h1', document.children)
    .map((e) => clean(DomUtils.textContent(e)))
    .filter(Boolean);
  const title = DomUtils.findOne((e) => e.name === 'title', document.children);
  const segments = title
    ? DomUtils.textContent(title)
        .split(/\s*[_|–—]\s*|\s+-\s+/)
        .map(clean)
        .filter((s) => hanCount(s) > 0)
    : [];
  return (
    h1s.find((h) => genreEnding.test(h)) ??
    segments.find((s) => genreEnding.test(s)) ??
    h1s[0] ??
    segments[0] ??
    null
  );
}

/**
 * Extracts the article text of an HTML page: drops scripts, styles, navigation, headers, footers,
 * sidebars, share bars and comment sections, keeps the deepest element holding most of the text,
 * and writes one block per line with a blank line between blocks. <h1>…<h6> come back as hints;
 * the page title is put first when the article body does not contain it.
 */
export function extractHtml(html: string): ExtractedText {
  const document = parseDocument(html);
  const title = pageTitle(document);
  const body =
    DomUtils.findOne((e) => e.name === 'body', document.children) ??
    DomUtils.findOne((e) => e.name === 'html', document.children);
  const container: Parent = body ?? document;
  prune(container, contentWeight(container));
  const blocks = toBlocks(contentRoot(container));
  const content = blocks.filter((b) => b.level > 0 || b.linkChars < b.text.length * 0.7);
  if (title && !content.some((b) => b.text === title))
    content.unshift({ text: title, linkChars: 0, level: 1 });

  const headings: HeadingHint[] = [];
  let offset = 0;
  const lines: string[] = [];
  for (const block of content) {
    const text = normaliseText(block.text);
    if (block.level > 0) headings.push({ start: offset, level: block.level });
    lines.push(text);
    offset += text.length + 2;
  }
  return { text: lines.join('\n\n'), headings };
}
