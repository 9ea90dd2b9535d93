import chardet from 'chardet';
import iconv from 'iconv-lite';
import { GovdraftError } from '../errors.ts';
import { isBlank, normaliseText } from './normalise.ts';

/** Text decoded from bytes, with the encoding it was read in (utf-8, gb18030, utf-16le…). */
export interface DecodedText {
  /** Normalised text (LF newlines, no BOM): the reference text spans point into. */
  text: string;
  encoding: string;
}

/** File signatures of binary formats that are never a text report. */
const signatures: { name: string; bytes: number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'Word 97-2003 / Excel 97-2003 (OLE2)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** The name of the binary format whose signature opens `bytes`, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  const found = signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return found?.name ?? null;
}

/** True when the bytes open with a ZIP signature (a .docx is a ZIP package). */
export function isZip(bytes: Uint8Array): boolean {
  return binarySignature(bytes) === 'ZIP';
}

/** The GovdraftError for input that holds no text to import (also used after HTML/docx extraction). */
export function emptyInputError(whitespace: boolean): GovdraftError {
  return whitespace
    ? new GovdraftError(
        'empty_input',
        '文件只有空白字符,没有可导入的内容',
        'The file holds only whitespace: nothing to import',
      )
    : new GovdraftError('empty_input', '文件为空,没有可导入的内容', 'The file is empty: nothing to import');
}

function binaryError(zh: string, en: string): GovdraftError {
  return new GovdraftError(
    'binary_input',
    `文件不是文本(${zh}),无法作为报告导入;请提供 .txt、.md、.html 或 .docx 文件`,
    `The file is binary (${en}), not a text report; give a .txt, .md, .html or .docx file`,
  );
}

/** Share of code units that are ordinary text: ASCII printables, CJK, CJK and general punctuation. */
function textShare(text: string): number {
  if (text.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0x20 && c <= 0x7e) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef)
    )
      ok++;
  }
  return ok / text.length;
}

/** Share of control characters and replacement characters: high in binary data read as text. */
function junkShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd)
      bad++;
  }
  return bad / text.length;
}

/**
 * UTF-16 without BOM, for bytes that hold NULs: the byte order that reads as text (NULs fall on both
 * sides in Chinese: 一 is U+4E00). Any line break in UTF-16 holds a NUL, so text without one is not UTF-16.
 */
function readAsUtf16(bytes: Uint8Array, minShare: number): { raw: string; encoding: string } | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, 1 << 16);
  let best: { encoding: string; share: number } | null = null;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const share = textShare(decodeAs(sample, encoding));
    if (share >= minShare && (!best || share > best.share)) best = { encoding, share };
  }
  return best ? { raw: decodeAs(bytes, best.encoding), encoding: best.encoding } : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of the non-ASCII characters that are CJK ideographs or CJK punctuation. */
function cjkShareOfNonAscii(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}

/** Detection reads at most this much: plenty for chardet, and a large file stays fast. */
const sampleBytes = 64 * 1024;

/** Picks the legacy encoding of bytes that are not UTF-8: GB18030 for the GBK family (the common case). */
function legacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, sampleBytes);
  const top = chardet.analyse(sample)[0];
  if (top && /^big5$/i.test(top.name) && top.confidence >= 50) return 'big5';
  // A sample may end inside a two- or four-byte character: ignore its last characters.
  const gb = decodeAs(sample, 'gb18030').slice(0, sample.length < bytes.length ? -2 : undefined);
  if (!gb.includes('\ufffd') && cjkShareOfNonAscii(gb) >= 0.7) return 'gb18030';
  if (top && /^(gb18030|gbk|gb2312)$/i.test(top.name)) return 'gb18030';
  if (top && iconv.encodingExists(top.name)) return top.name.toLowerCase();
  return 'gb18030';
}

/** Decodes with iconv-lite (which also knows the legacy encodings chardet names). */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Detects the encoding of raw bytes (BOM, signatures, UTF-16, strict UTF-8, then chardet + GB18030). */
function detect(bytes: Uint8Array): { raw: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { raw: decodeAs(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { raw: decodeAs(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { raw: decodeAs(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const signature = binarySignature(bytes);
  if (signature) throw binaryError(`检测到 ${signature} 文件头`, `${signature} signature`);

  if (bytes.includes(0)) {
    const utf16 = readAsUtf16(bytes, 0.9);
    if (utf16) return utf16;
    throw binaryError('含有 NUL 字节', 'contains NUL bytes');
  }

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { raw: utf8, encoding: 'utf-8' };

  const encoding = legacyEncoding(bytes);
  return { raw: decodeAs(bytes, encoding), encoding };
}

/**
 * Decodes the bytes of a text file into normalised text: BOMs, UTF-16 LE/BE (with or without BOM),
 * strict UTF-8, else chardet with GB18030 for the GBK family. Throws GovdraftError `empty_input`
 * for empty or whitespace-only input and `binary_input` for binary data.
 * @example decodeBytes(iconv.encode('甘泉路街道', 'gbk')) // { text: '甘泉路街道', encoding: 'gb18030' }
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw emptyInputError(false);
  const { raw, encoding } = detect(bytes);
  if (isBlank(raw)) throw emptyInputError(true);
  if (junkShare(raw) > 0.03) throw binaryError('控制字符过多', 'too many control characters');
  return { text: normaliseText(raw), encoding };
}
