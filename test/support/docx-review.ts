/**
 * Test helpers for reviewed .docx files: the seed report as a .docx made by the project's own
 * GB/T 9704 exporter, a writer's edits to it done on the XML (a figure changed inside a sentence,
 * one changed and split across two runs, one in a table cell), reading back where comments are
 * anchored, the document XML with our comments taken out, and a password-protected package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { draftDocx } from '../../server/draft/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { parseReportText } from '../../server/report/index.ts';

export const seedReportPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
export const seedLedgerPath = join(corpusDir, 'ledgers', 'ganquan-2016.csv');

/** The seed report exported as a .docx by the project's GB/T 9704 exporter. */
export async function seedDocx(): Promise<Uint8Array> {
  return draftDocx(parseReportText(readFileSync(seedReportPath, 'utf8')));
}

/** Every part of a package as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The package with one part's text changed. */
export function editPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(change(strFromU8(files[part])));
  return zipSync(files);
}

/** Replaces the only occurrence of `from` (throws when it is not exactly one). */
export function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) throw new Error(`expected one "${from}"`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

/** The figure a writer changes inside a sentence, and to what. */
export const inSentence = { was: '4720人次', now: '4270人次' } as const;
/** The figure a writer changes and Word stores in two runs ("193." | "76万元"). */
export const splitRun = { was: '139.76万元', now: '193.76万元', cut: 4 } as const;
/** The figure in the table cell a writer adds (the ledger says 18735件). */
export const inTable = { now: '18753件', cell: '网格中心全年累计受理案件18753件' } as const;

/** The run properties of the body text run holding `text`. */
function runPropertiesAt(xml: string, text: string): string {
  const at = xml.indexOf(text);
  const runStart = xml.lastIndexOf('<w:r>', at);
  return /<w:rPr>.*?<\/w:rPr>/.exec(xml.slice(runStart, at))?.[0] ?? '';
}

/** A figure changed inside a sentence. */
export const changeInSentence = (xml: string): string => replaceOnce(xml, inSentence.was, inSentence.now);

/** A figure changed and split into two runs with the same properties, as Word stores an edit. */
export function changeSplitRun(xml: string): string {
  const rPr = runPropertiesAt(xml, splitRun.was);
  const head = splitRun.now.slice(0, splitRun.cut);
  const tail = splitRun.now.slice(splitRun.cut);
  return replaceOnce(xml, splitRun.was, `${head}</w:t></w:r><w:r>${rPr}<w:t xml:space="preserve">${tail}`);
}

/** A two-row table added after the paragraph holding 网格中心, its second cell with a changed figure. */
export function addTable(xml: string): string {
  const at = xml.indexOf('</w:p>', xml.indexOf('网格中心全年累计受理案件')) + '</w:p>'.length;
  const rPr = runPropertiesAt(xml, '网格中心全年累计受理案件');
  const cell = (text: string): string =>
    `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const table =
    '<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>' +
    '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>' +
    `<w:tr>${cell('事项')}${cell('完成情况')}</w:tr><w:tr>${cell('网格化管理')}${cell(inTable.cell)}</w:tr></w:tbl>`;
  return xml.slice(0, at) + table + xml.slice(at);
}

/** A comment as Word would show it: the text it is anchored on, its author and its paragraphs. */
export interface AnchoredComment {
  id: string;
  anchored: string;
  author: string;
  text: string;
}

const plainText = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&amp;/g, '&')).join('');

/** The comments of a package with the text between each one's range start and end. */
export function anchoredComments(bytes: Uint8Array, part = 'word/document.xml'): AnchoredComment[] {
  const parts = docxParts(bytes);
  const xml = parts[part];
  const comments = parts['word/comments.xml'] ?? '';
  return [...comments.matchAll(/<w:comment\b([^>]*)>(.*?)<\/w:comment>/g)].flatMap((m) => {
    const id = /w:id="([^"]+)"/.exec(m[1])?.[1] ?? '';
    const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
    const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
    if (start < 0 || end < start) return [];
    const author = /w:author="([^"]+)"/.exec(m[1])?.[1] ?? '';
    const text = [...m[2].matchAll(/<w:p\b.*?<\/w:p>/g)].map((p) => plainText(p[0])).join('\n');
    return [{ id, anchored: plainText(xml.slice(start, end)), author, text }];
  });
}

/**
 * The document XML with the given comments taken out — their range marks, reference runs and the
 * highlight added inside their ranges — and consecutive plain text runs with equal properties
 * joined, so a run split at a figure's edges reads as it did before.
 */
export function withoutComments(xml: string, ids: readonly string[]): string {
  let out = xml;
  for (const id of ids) {
    const start = `<w:commentRangeStart w:id="${id}"/>`;
    const end = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    const inside = out
      .slice(a + start.length, b)
      .replace(/<w:highlight w:val="(red|yellow)"\/>/g, '')
      .replace(/<w:rPr><\/w:rPr>/g, '');
    out = out.slice(0, a) + inside + out.slice(b + end.length);
  }
  const run =
    /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/g;
  let previous: string;
  do {
    previous = out;
    out = out.replace(
      new RegExp(`${run.source}${run.source}`, 'g'),
      (whole, p1: string | undefined, t1: string, p2: string | undefined, t2: string) =>
        (p1 ?? '') === (p2 ?? '')
          ? `<w:r>${p1 ?? ''}<w:t xml:space="preserve">${t1}${t2}</w:t></w:r>`
          : whole,
    );
  } while (out !== previous);
  return out;
}

/**
 * A password-protected Word file as Office writes one: an OLE2 compound file (version 3, 512-byte
 * sectors) holding the streams EncryptionInfo and EncryptedPackage (contents random here).
 */
export function encryptedDocx(): Uint8Array {
  const sector = 512;
  const streamSectors = 8; // 4096 bytes each: at the mini-stream cutoff, so both live in regular sectors
  const file = Buffer.alloc(sector * (3 + 2 * streamSectors));
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file, 0);
  file.writeUInt16LE(0x3e, 24);
  file.writeUInt16LE(3, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30);
  file.writeUInt16LE(6, 32);
  file.writeUInt32LE(1, 44); // one FAT sector
  file.writeUInt32LE(1, 48); // directory at sector 1
  file.writeUInt32LE(4096, 56);
  file.writeUInt32LE(0xfffffffe, 60);
  file.writeUInt32LE(0xfffffffe, 68);
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const fat = sector; // sector 0
  for (let i = 0; i < 128; i++) file.writeUInt32LE(0xffffffff, fat + i * 4);
  file.writeUInt32LE(0xfffffffd, fat);
  file.writeUInt32LE(0xfffffffe, fat + 4);
  const chain = (first: number): void => {
    for (let s = first; s < first + streamSectors; s++)
      file.writeUInt32LE(s + 1 < first + streamSectors ? s + 1 : 0xfffffffe, fat + s * 4);
  };
  chain(2);
  chain(2 + streamSectors);
  const dir = 2 * sector; // sector 1
  const entry = (
    i: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number,
  ) => {
    const at = dir + i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(file, at);
    file.writeUInt16LE(encoded.length, at + 64);
    file.writeUInt8(type, at + 66);
    file.writeUInt8(1, at + 67);
    file.writeUInt32LE(0xffffffff, at + 68);
    file.writeUInt32LE(right, at + 72);
    file.writeUInt32LE(child, at + 76);
    file.writeUInt32LE(start, at + 116);
    file.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, 0xffffffff, 0xfffffffe, 0);
  entry(1, 'EncryptionInfo', 2, 0xffffffff, 2, 2, 4096);
  entry(2, 'EncryptedPackage', 2, 0xffffffff, 0xffffffff, 2 + streamSectors, 4096);
  for (const field of [68, 72, 76]) file.writeUInt32LE(0xffffffff, dir + 3 * 128 + field);
  for (let s = 2; s < 2 + 2 * streamSectors; s++)
    file.fill((s * 37) & 0xff, (s + 1) * sector, (s + 2) * sector);
  return new Uint8Array(file);
}
