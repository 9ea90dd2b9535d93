import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { binarySignature, decodeBytes } from '../../server/text/decode.ts';
import { normaliseText } from '../../server/text/normalise.ts';

const short = '甘泉路街道2016年工作总结\n\n  丰富为老服务内涵。全年服务3400余次。';

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', Buffer.from(short, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(short)]), 'utf-8'],
    ['UTF-16LE with BOM', iconv.encode(short, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(short, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['UTF-16LE without BOM', iconv.encode(short, 'utf-16le'), 'utf-16le'],
    ['UTF-16BE without BOM', iconv.encode(short, 'utf-16be'), 'utf-16be'],
    ['GBK', iconv.encode(short, 'gbk'), 'gb18030'],
    ['GB2312 subset', iconv.encode('街道工作总结', 'gb2312'), 'gb18030'],
    ['GB18030', iconv.encode('生僻字䶮与堃。', 'gb18030'), 'gb18030'],
    [
      'Big5',
      iconv.encode(
        '甘泉路街道二〇一六年工作總結,過去的一年街道辦事處在區委、區政府的堅強領導下開展工作。',
        'big5',
      ),
      'big5',
    ],
  ])('%s', (_, bytes, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).not.toContain('\ufffd');
    expect(decoded.text).not.toContain('\ufeff');
    if (encoding !== 'big5' && bytes.length > 30) expect(decoded.text).toBe(short);
  });

  it('normalises CRLF and CR to LF, drops zero-width characters, maps odd spaces to spaces', () => {
    const decoded = decodeBytes(Buffer.from('标题\r\n正文\u00a0一\u200b。\r第二行', 'utf8'));
    expect(decoded.text).toBe('标题\n正文 一。\n第二行');
    expect(normaliseText(decoded.text)).toBe(decoded.text);
    expect(normaliseText('\u3000\u3000缩进')).toBe('\u3000\u3000缩进');
  });

  it.each([
    ['empty', Buffer.alloc(0), 'empty_input', '文件为空,没有可导入的内容'],
    [
      'spaces only',
      Buffer.from(' \n\t\r\n\u3000 ', 'utf8'),
      'empty_input',
      '文件只有空白字符,没有可导入的内容',
    ],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'empty_input', '文件只有空白字符,没有可导入的内容'],
    ['PDF', Buffer.from('%PDF-1.7\n...'), 'binary_input', 'PDF'],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'binary_input', 'ZIP'],
    ['old Word', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'binary_input', 'OLE2'],
    ['NULs', Buffer.from([0x41, 0, 0, 0, 0x42, 0x43, 0, 7, 9, 0, 0, 0, 0xff]), 'binary_input', 'NUL'],
    [
      'control characters',
      Buffer.from('abc\u0001\u0002\u0003\u0004def\u0005\u0006', 'latin1'),
      'binary_input',
      '控制字符',
    ],
  ])('%s → %s', (_, bytes, code, zh) => {
    let thrown: unknown;
    try {
      decodeBytes(bytes);
    } catch (error) {
      thrown = error;
    }
    expect(GovdraftError.isInstance(thrown)).toBe(true);
    expect((thrown as GovdraftError).code).toBe(code);
    expect((thrown as GovdraftError).messageZh).toContain(zh);
  });

  it('names binary signatures', () => {
    expect(binarySignature(Buffer.from('%PDF-1.4'))).toBe('PDF');
    expect(binarySignature(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe('PNG');
    expect(binarySignature(Buffer.from('甘泉路'))).toBeNull();
  });
});
