/**
 * A .docx as a package of parts: opened with limits (a ZIP can claim any size), read as text, and
 * written back with the changed parts replaced and every other part's bytes as they were.
 * fflate: no dependencies, synchronous, and it inflates each entry into a buffer of the size the
 * archive declares, so checking declared sizes before inflating bounds the memory.
 */
import { strFromU8, strToU8, type Unzipped, unzipSync, type ZippableFile, zipSync } from 'fflate';
import { GovdraftError } from '../errors.ts';
import { docxContainerError, docxLimits, wordDocument } from '../report/index.ts';
import { checkCensus, isXml, type ZipCensus, type ZipLimits } from '../zip/index.ts';

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
 * `corrupt_file` (not a ZIP, no word/document.xml), `file_too_large` (past the limits a Word file is
 * read under, `docxLimits`).
 */
export function openPackage(bytes: Uint8Array, limits: ZipLimits = docxLimits): DocxPackage {
  const refused = docxContainerError(bytes);
  if (refused) throw refused;
  const stored = new Set<string>();
  const census: ZipCensus = { entries: 0, bytes: 0, xmlBytes: 0 };
  let files: Unzipped;
  try {
    // First the central directory alone (nothing inflated): refuse past the limits before
    // fflate allocates what each entry declares.
    unzipSync(bytes, {
      filter: (file) => {
        census.entries++;
        census.bytes += file.originalSize;
        if (isXml(file.name)) census.xmlBytes += file.originalSize;
        return false;
      },
    });
    checkCensus(census, limits, wordDocument);
    files = unzipSync(bytes, {
      filter: (file) => {
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
