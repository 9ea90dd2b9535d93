/**
 * A .docx as a package of parts: opened with limits (a ZIP can claim any size), read as text, and
 * written back with the changed parts replaced and every other part's bytes as they were.
 * fflate: no dependencies, synchronous, and it inflates each entry into a buffer of the size the
 * archive declares, so checking declared sizes before inflating bounds the memory.
 */
import { strFromU8, strToU8, type Unzipped, unzipSync, type ZippableFile, zipSync } from 'fflate';
import { GovdraftError } from '../errors.ts';
import { docxContainerError } from '../report/index.ts';

/** Limits on what a .docx may unpack to: a Word document has tens of parts and some megabytes. */
export const packageLimits: PackageLimits = { maxEntries: 2000, maxUnpackedBytes: 256 * 1024 * 1024 };

/** How many entries a package may hold and how many bytes they may declare unpacked. */
export interface PackageLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

/** The parts of a .docx, in archive order, and which were stored uncompressed. */
export interface DocxPackage {
  files: Unzipped;
  stored: Set<string>;
}

const corrupt = (reason: string, cause?: unknown): GovdraftError =>
  new GovdraftError(
    'corrupt_file',
    '\u6587\u4EF6\u5DF2\u635F\u574F\u6216\u4E0D\u662F\u6709\u6548\u7684 Word \u6587\u6863\uFF08.docx\uFF09\uFF0C\u65E0\u6CD5\u8BFB\u53D6\uFF1B\u8BF7\u5728 Word \u4E2D\u6253\u5F00\u540E\u91CD\u65B0\u53E6\u5B58\u4E3A .docx',
    `The file is not a readable .docx (Word) document: ${reason}`,
    { cause },
  );

/**
 * Opens a .docx package. Throws GovdraftError: `unsupported_format` (password-protected, old .doc),
 * `corrupt_file` (not a ZIP, no word/document.xml), `file_too_large` (unpacks past the limits).
 */
export function openPackage(bytes: Uint8Array, limits = packageLimits): DocxPackage {
  const refused = docxContainerError(bytes);
  if (refused) throw refused;
  const stored = new Set<string>();
  let entries = 0;
  let unpacked = 0;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        unpacked += file.originalSize;
        if (entries > limits.maxEntries || unpacked > limits.maxUnpackedBytes) throw tooLarge(limits);
        if (file.compression === 0) stored.add(file.name);
        return true;
      },
    });
  } catch (error) {
    if (GovdraftError.isInstance(error)) throw error;
    throw corrupt(error instanceof Error ? error.message : String(error), error);
  }
  if (!files['word/document.xml']) throw corrupt('no word/document.xml part');
  return { files, stored };
}

function tooLarge(limits: PackageLimits): GovdraftError {
  const mb = Math.round(limits.maxUnpackedBytes / 1024 / 1024);
  return new GovdraftError(
    'file_too_large',
    `\u6587\u6863\u89E3\u538B\u540E\u8FC7\u5927\uFF08\u8D85\u8FC7 ${mb} MB \u6216 ${limits.maxEntries} \u4E2A\u90E8\u4EF6\uFF09\uFF0C\u65E0\u6CD5\u5904\u7406`,
    `The .docx unpacks past ${mb} MB or ${limits.maxEntries} entries`,
  );
}

/** A part as text (UTF-8), or undefined when the package has no such part. */
export function partText(pkg: DocxPackage, name: string): string | undefined {
  const bytes = pkg.files[name];
  return bytes ? strFromU8(bytes) : undefined;
}

/** The package as .docx bytes with `changed` parts replaced or added; untouched parts keep their bytes. */
export function writePackage(pkg: DocxPackage, changed: Record<string, string>): Uint8Array {
  const input: Record<string, ZippableFile> = {};
  const entry = (name: string, data: Uint8Array): ZippableFile =>
    pkg.stored.has(name) ? [data, { level: 0 }] : [data, { level: 6 }];
  for (const [name, data] of Object.entries(pkg.files)) {
    input[name] = entry(name, name in changed ? strToU8(changed[name]) : data);
  }
  for (const [name, text] of Object.entries(changed))
    if (!(name in input)) input[name] = entry(name, strToU8(text));
  return zipSync(input);
}
