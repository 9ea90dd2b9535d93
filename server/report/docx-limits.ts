import type { ZipKind, ZipLimits } from '../zip/index.ts';

/**
 * What a Word file may expand to before a library reads it (mammoth for its text, fflate to annotate
 * it): its XML parts are what take time and memory (mammoth converts a few megabytes a second).
 */
export const docxLimits: ZipLimits = { entries: 1_000, bytes: 64 * 1048576, xmlBytes: 10 * 1048576 };

/** How size messages name a Word file. */
export const wordDocument: ZipKind = { zh: 'Word 文档', en: 'Word document' };
