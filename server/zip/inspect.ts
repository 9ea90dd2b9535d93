/**
 * Bounding a zip package (.docx, .xlsx) before a library expands it: entry count and declared sizes
 * are checked from the central directory, then every entry is inflated as a stream and counted, so
 * a header that lies about its size is caught at its first extra byte. yauzl reads the central
 * directory the way JSZip (used by mammoth and exceljs) does, one entry at a time, and enforces each
 * entry's declared size while inflating.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { GovdraftError } from '../errors.ts';

/** What a package may hold: entries, bytes once inflated, and bytes of XML parts (what parsers read). */
export interface ZipLimits {
  entries: number;
  bytes: number;
  xmlBytes: number;
}

/** How messages name the package: 'Word 文档' / 'Word document'. */
export interface ZipKind {
  zh: string;
  en: string;
}

/** Receives the inflated bytes of an entry, chunk by chunk; it may throw to refuse the package. */
export type EntryWatcher = (chunk: Buffer) => void;

/** What an inspected package holds. */
export interface ZipCensus {
  entries: number;
  bytes: number;
  xmlBytes: number;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
/** XML parts: what parsers read and spend their time on. */
export const isXml = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name);

function tooLarge(kind: ZipKind, zh: string, en: string): GovdraftError {
  return new GovdraftError('file_too_large', `${kind.zh}${zh}`, `The ${kind.en} ${en}`);
}

function corrupt(kind: ZipKind, cause: unknown): GovdraftError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new GovdraftError(
    'corrupt_file',
    `${kind.zh}已损坏，无法读取（压缩包结构无效）`,
    `The ${kind.en} is corrupt: ${reason}`,
    { cause },
  );
}

/** Counts an entry's inflated bytes (yauzl fails the stream past the declared size). */
async function drain(stream: Readable, watch: EntryWatcher | null): Promise<void> {
  for await (const chunk of stream) watch?.(chunk as Buffer);
}

/**
 * Refuses a package whose census passes `limits`: its entries, and the bytes and XML bytes its
 * entries declare. The one check of a package's size, before any library inflates it.
 */
export function checkCensus(census: ZipCensus, limits: ZipLimits, kind: ZipKind): void {
  if (census.entries > limits.entries) {
    throw tooLarge(
      kind,
      `内含 ${census.entries} 个部件，超过上限 ${limits.entries} 个，无法读取`,
      `holds ${census.entries} entries; at most ${limits.entries} are accepted`,
    );
  }
  if (census.bytes > limits.bytes) {
    throw tooLarge(
      kind,
      `解压后超过 ${mb(limits.bytes)}，无法读取（可能是“压缩炸弹”）`,
      `expands to more than ${mb(limits.bytes)} (limit)`,
    );
  }
  if (census.xmlBytes > limits.xmlBytes) {
    throw tooLarge(
      kind,
      `的正文与表格数据解压后超过 ${mb(limits.xmlBytes)}，无法读取`,
      `holds more than ${mb(limits.xmlBytes)} of XML parts once inflated (limit)`,
    );
  }
}

/**
 * Checks a zip package against `limits` without holding what it inflates: GovdraftError
 * `file_too_large` past a limit, `corrupt_file` for a broken or lying archive. `watch(name)` may
 * return a watcher that sees an entry's inflated bytes (e.g. to count a sheet's cells).
 * @example await inspectZip(bytes, { entries: 1000, bytes: 64 << 20, xmlBytes: 8 << 20 }, { zh: 'Word 文档', en: 'Word document' })
 */
export async function inspectZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  kind: ZipKind,
  watch: (name: string) => EntryWatcher | null = () => null,
): Promise<ZipCensus> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw corrupt(kind, error);
  }
  checkCensus({ entries: zip.entryCount, bytes: 0, xmlBytes: 0 }, limits, kind);
  const census: ZipCensus = { entries: 0, bytes: 0, xmlBytes: 0 };
  try {
    for await (const entry of zip.eachEntry()) {
      census.entries++;
      census.bytes += entry.uncompressedSize;
      if (isXml(entry.fileName)) census.xmlBytes += entry.uncompressedSize;
      checkCensus(census, limits, kind);
      if (entry.fileName.endsWith('/')) continue;
      await drain(await zip.openReadStreamPromise(entry), watch(entry.fileName));
    }
  } catch (error) {
    throw GovdraftError.isInstance(error) ? error : corrupt(kind, error);
  }
  return census;
}
