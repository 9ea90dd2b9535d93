import mammoth from 'mammoth';
import { GovdraftError } from '../errors.ts';
import { inspectZip } from '../zip/index.ts';
import { docxContainerError } from './docx-container.ts';
import { docxLimits, wordDocument } from './docx-limits.ts';
import type { ExtractedText } from './hints.ts';
import { extractHtml } from './html.ts';

/** Word's Title style (and its Chinese name) becomes <h1>; mammoth maps it to <p> otherwise. */
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"];

/** Images carry no report text: skip them instead of inlining them as data URIs. */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * Extracts the text of a .docx through mammoth (Title and Heading styles come back as heading hints).
 * Throws GovdraftError `corrupt_file` when the bytes are not a readable Word document,
 * `unsupported_format` for a password-protected one or an old .doc, `file_too_large` past `docxLimits`.
 */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedText> {
  const refused = docxContainerError(bytes);
  if (refused) throw refused;
  await inspectZip(bytes, docxLimits, wordDocument);
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, { styleMap, convertImage: noImages })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GovdraftError(
      'corrupt_file',
      '文件已损坏或不是有效的 Word 文档(.docx),无法读取;请在 Word 中打开后重新另存为 .docx',
      `The file is not a readable .docx (Word) document: ${reason}`,
      { cause: error },
    );
  }
  return extractHtml(html);
}
