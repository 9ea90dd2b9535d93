import { GovdraftError } from '../errors.ts';
import { binarySignature, isZip } from '../text/index.ts';

const oleSignature = 'Word 97-2003 / Excel 97-2003 (OLE2)';

/** "EncryptedPackage" as a UTF-16LE stream name: a password-protected OOXML file is an OLE2 container holding it. */
const encryptedStream = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Why bytes given as a .docx cannot be a Word package, or null when they open as a ZIP: a
 * password-protected document (an OLE2 container with an EncryptedPackage stream), an old .doc, or
 * anything else that is not a ZIP.
 * @example docxContainerError(readFileSync('加密.docx'))?.messageZh // '文件已加密(受密码保护)…'
 */
export function docxContainerError(bytes: Uint8Array): GovdraftError | null {
  if (isZip(bytes)) return null;
  if (binarySignature(bytes) === oleSignature) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encryptedStream)) {
      return new GovdraftError(
        'unsupported_format',
        '\u6587\u4EF6\u5DF2\u52A0\u5BC6\uFF08\u53D7\u5BC6\u7801\u4FDD\u62A4\uFF09\uFF0C\u65E0\u6CD5\u8BFB\u53D6\uFF1B\u8BF7\u5728 Word \u4E2D\u53D6\u6D88\u5BC6\u7801\u540E\u53E6\u5B58\u4E3A .docx',
        'The document is password-protected (an encrypted OOXML package in an OLE2 container)',
      );
    }
    return new GovdraftError(
      'unsupported_format',
      '\u8FD9\u662F\u65E7\u7248 Word \u6587\u6863\uFF08.doc\uFF09\uFF0C\u8BF7\u5728 Word \u4E2D\u53E6\u5B58\u4E3A .docx \u540E\u518D\u8BD5',
      'The file is an OLE2 (Word 97-2003) document, not a .docx package',
    );
  }
  return new GovdraftError(
    'corrupt_file',
    '\u6587\u4EF6\u5DF2\u635F\u574F\u6216\u4E0D\u662F\u6709\u6548\u7684 Word \u6587\u6863\uFF08.docx\uFF09\uFF0C\u65E0\u6CD5\u8BFB\u53D6\uFF1B\u8BF7\u5728 Word \u4E2D\u6253\u5F00\u540E\u91CD\u65B0\u53E6\u5B58\u4E3A .docx',
    'The file is not a ZIP package, so not a .docx (Word) document',
  );
}
