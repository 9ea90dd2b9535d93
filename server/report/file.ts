import { GovdraftError } from '../errors.ts';
import { decodeBytes, emptyInputError, isBlank } from '../text/index.ts';
import { detectFormat } from './format.ts';
import type { ExtractedText } from './hints.ts';
import { extractMarkdown } from './markdown.ts';
import { parseReportText } from './parse.ts';
import type { Report } from './types.ts';

/** Default cap on a report file: real annual reports are tens of kilobytes. */
export const defaultMaxReportBytes = 20 * 1024 * 1024;

export interface ParseFileOptions {
  fileName?: string | null;
  /** Larger files are refused with GovdraftError `file_too_large`. */
  maxBytes?: number;
}

/**
 * Parses a report file (.txt .md .html .docx; UTF-8, GBK/GB18030 or UTF-16, detected) into a Report.
 * The format comes from the file name's extension, else from the bytes. Bad input throws a
 * GovdraftError: `empty_input`, `binary_input`, `corrupt_file`, `unsupported_format`, `file_too_large`.
 * @example await parseReportFile(readFileSync('2016.txt'), { fileName: '2016.txt' })
 */
export async function parseReportFile(bytes: Uint8Array, options: ParseFileOptions = {}): Promise<Report> {
  const maxBytes = options.maxBytes ?? defaultMaxReportBytes;
  if (bytes.length > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw new GovdraftError(
      'file_too_large',
      `文件过大(${mb(bytes.length)} MB),报告文件不能超过 ${mb(maxBytes)} MB`,
      `The file is ${mb(bytes.length)} MB; report files are limited to ${mb(maxBytes)} MB`,
    );
  }
  const fileName = options.fileName ?? null;
  const format = detectFormat(bytes, fileName);
  let extracted: ExtractedText;
  let encoding = 'utf-8';
  if (format === 'docx') {
    if (bytes.length === 0) throw emptyInputError(false);
    // mammoth is loaded only for .docx input: it costs ~0.15 s at start-up.
    const { extractDocx } = await import('./docx.ts');
    extracted = await extractDocx(bytes);
  } else {
    const decoded = decodeBytes(bytes);
    encoding = decoded.encoding;
    // htmlparser2 likewise only for HTML: a check of a .txt file should not pay for it.
    if (format === 'html') extracted = (await import('./html.ts')).extractHtml(decoded.text);
    else if (format === 'md') extracted = extractMarkdown(decoded.text);
    else extracted = { text: decoded.text, headings: [] };
  }
  if (isBlank(extracted.text)) {
    throw new GovdraftError(
      'empty_input',
      '文件中没有可导入的正文内容',
      `The ${format} file holds no text to import`,
    );
  }
  return parseReportText(
    extracted.text,
    { fileName, format, encoding, bytes: bytes.length },
    extracted.headings,
  );
}
