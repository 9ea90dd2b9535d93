import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { detectFormat } from '../../server/report/format.ts';
import { fixture } from './structure.ts';

describe('detectFormat', () => {
  it.each([
    ['report.txt', 'x', 'txt'],
    ['REPORT.TXT', 'x', 'txt'],
    ['report.md', 'x', 'md'],
    ['report.markdown', 'x', 'md'],
    ['report.html', 'x', 'html'],
    ['report.htm', 'x', 'html'],
    ['report.docx', 'x', 'docx'],
    ['目录/2016年总结.docx', 'x', 'docx'],
    [null, '<!DOCTYPE html><html><body>正文</body></html>', 'html'],
    [null, '  <html lang="zh"><p>正文</p>', 'html'],
    [null, '# 标题\n\n正文', 'md'],
    [null, '甘泉路街道2016年工作总结\n\n正文。', 'txt'],
    ['report.unknown', '# 标题', 'md'],
  ])('%s → %s', (fileName, content, format) => {
    expect(detectFormat(Buffer.from(content), fileName)).toBe(format);
  });

  it('sniffs a ZIP package as docx', () => {
    expect(detectFormat(fixture('seed.docx'), null)).toBe('docx');
    expect(detectFormat(fixture('seed.docx'), 'upload')).toBe('docx');
  });

  it.each(['old.doc', 'scan.pdf', 'ledger.xlsx', 'draft.wps'])(
    'refuses %s with unsupported_format',
    (fileName) => {
      let thrown: unknown;
      try {
        detectFormat(Buffer.from('x'), fileName);
      } catch (error) {
        thrown = error;
      }
      expect(GovdraftError.isInstance(thrown) && thrown.code).toBe('unsupported_format');
    },
  );
});
