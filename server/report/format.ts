import { GovdraftError } from '../errors.ts';
import { isZip } from '../text/index.ts';
import type { SourceFormat } from './types.ts';

const byExtension: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  docx: 'docx',
};

/** Extensions we know and refuse, with what to do instead. */
const refused: Record<string, string> = {
  doc: '旧版 Word 文档(.doc)不受支持,请在 Word 中另存为 .docx 后再导入',
  wps: 'WPS 文档(.wps)不受支持,请另存为 .docx 后再导入',
  pdf: 'PDF 文件不受支持,请提供 .txt、.md、.html 或 .docx 文件',
  xls: '表格文件不是报告;台账请用 `govdraft ledger import` 导入',
  xlsx: '表格文件不是报告;台账请用 `govdraft ledger import` 导入',
};

const extensionOf = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The source format of a report file: by its extension, else sniffed from the bytes (ZIP → docx,
 * `<html`/`<!doctype` → html, `# ` headings → md, otherwise txt). Throws GovdraftError
 * `unsupported_format` for known formats that are not reports (.doc, .pdf, .xlsx…).
 * @example detectFormat(bytes, '2016年总结.docx') // 'docx'
 */
export function detectFormat(bytes: Uint8Array, fileName?: string | null): SourceFormat {
  const extension = fileName ? extensionOf(fileName) : '';
  const known = byExtension[extension];
  if (known) return known;
  const refusal = refused[extension];
  if (refusal) {
    throw new GovdraftError('unsupported_format', refusal, `Unsupported file type .${extension}`);
  }
  if (isZip(bytes)) return 'docx';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').toLowerCase();
  if (
    /^[\s\u00ef\u00bb\u00bf]*(<!doctype html|<html|<head|<body)/.test(head) ||
    /<(p|div|body)[\s>]/.test(head)
  )
    return 'html';
  if (/^#{1,6}\s/m.test(Buffer.from(bytes.subarray(0, 4096)).toString('utf8'))) return 'md';
  return 'txt';
}
