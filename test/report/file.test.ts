import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { parseReportFile } from '../../server/report/file.ts';
import { parseReportText } from '../../server/report/parse.ts';
import { allParagraphs, fixture, seedPartTitles, seedText, structure } from './structure.ts';

const seed = structure(parseReportText(seedText));

describe('parseReportFile reads the seed in every encoding and format', () => {
  it.each([
    ['seed-gbk.txt', 'txt', 'gb18030'],
    ['seed-utf16le-bom.txt', 'txt', 'utf-16le'],
    ['seed-utf16be.txt', 'txt', 'utf-16be'],
    ['seed-utf8-bom.txt', 'txt', 'utf-8'],
    ['seed-page.html', 'html', 'utf-8'],
    ['seed.docx', 'docx', 'utf-8'],
  ])('%s → %s, %s, same structure as the seed', async (name, format, encoding) => {
    const bytes = fixture(name);
    const report = await parseReportFile(bytes, { fileName: name });
    expect(report.source).toEqual({ fileName: name, format, encoding, bytes: bytes.length });
    expect(structure(report)).toEqual(seed);
  });

  it('decodes GBK to exactly the seed text (CRLF normalised), so the id matches', async () => {
    const report = await parseReportFile(fixture('seed-gbk.txt'), { fileName: 'seed-gbk.txt' });
    expect(report.text).toBe(seedText);
    expect(report.id).toBe(parseReportText(seedText).id);
  });

  it('keeps GB18030-only characters (䶮) that GBK cannot hold', async () => {
    const report = await parseReportFile(fixture('rare-chars-gb18030.txt'), { fileName: 'rare.txt' });
    expect(report.source.encoding).toBe('gb18030');
    expect(report.text).toBe(fixture('rare-chars.txt').toString('utf8'));
    expect(report.parts[0].paragraphs[0].text).toContain('䶮姓');
  });

  it('takes the docx title from Word’s Title style', async () => {
    const report = await parseReportFile(fixture('seed.docx'), { fileName: 'seed.docx' });
    expect(report.title).toBe('甘泉路街道2016年工作总结');
    expect(report.parts.map((p) => p.title)).toEqual(seedPartTitles);
  });

  it('reads real Word footnotes as footnotes linked to their marks', async () => {
    const report = await parseReportFile(fixture('word-footnotes.docx'), { fileName: 'word-footnotes.docx' });
    expect(report.parts.map((p) => p.title)).toEqual([
      '补齐发展短板,公共管理走向精细',
      '建设平安甘泉,公共安全可控有序',
    ]);
    expect(report.footnotes.map((f) => [f.mark, f.text, f.refs.length])).toEqual([
      [1, '“五违”指违法用地、违法建筑、违法经营、违法排污、违法居住。', 1],
      [2, '综治工作宣传月、反邪教集中宣传月、全民禁毒宣传月等。', 1],
    ]);
    expect(report.parts[0].paragraphs[0].footnoteMarks).toEqual([1]);
    expect(report.text).not.toContain('↑');
  });

  it('strips navigation, share bar, comments and footer from the HTML page', async () => {
    const report = await parseReportFile(fixture('seed-page.html'), { fileName: 'seed-page.html' });
    const furniture = [
      '首页',
      '政务公开',
      '分享到',
      '微博',
      '责任编辑',
      '打印本页',
      '关闭窗口',
      '上一篇',
      '下一篇',
      '全部评论',
      '网友甲',
      '验证码',
      '热点推荐',
      '版权所有',
      '扫一扫',
      '统计代码',
      '浏览次数',
      '普陀区人民政府',
    ];
    const texts = [
      report.title,
      ...allParagraphs(report).map((p) => p.text),
      ...report.footnotes.map((f) => f.text),
    ];
    for (const word of furniture)
      expect(
        texts.filter((t) => t.includes(word)),
        word,
      ).toEqual([]);
    for (const word of ['统计代码', '网友甲', '热点推荐', '政务公开', '版权所有'])
      expect(report.text).not.toContain(word);
  });

  it('reads Markdown headings without markers as parts', async () => {
    const report = await parseReportFile(fixture('seed-headings.md'), { fileName: 'seed-headings.md' });
    expect(report.source.format).toBe('md');
    expect(report.title).toBe('甘泉路街道2016年工作总结');
    expect(report.partsIntro?.text).toBe('主要开展了以下三方面工作:');
    expect(report.parts.map((p) => [p.marker, p.title])).toEqual([
      ['', '民生保障'],
      ['', '城市管理'],
      ['', '平安建设'],
    ]);
    expect(report.parts[0].paragraphs.map((p) => p.topic)).toEqual([
      '丰富为老服务内涵。',
      '落实托底保障政策。',
    ]);
    expect(report.parts[0].paragraphs[0].text).toContain('依托社区基金会项目化运作');
    expect(report.footnotes.map((f) => [f.mark, f.refs.length])).toEqual([[1, 1]]);
    expect(report.text).not.toMatch(/[#*]|https?:/);
  });

  it('sniffs the format when the file name is missing', async () => {
    const html = await parseReportFile(fixture('seed-page.html'), {});
    expect(html.source.format).toBe('html');
    const docx = await parseReportFile(fixture('seed.docx'), { fileName: null });
    expect(docx.source.format).toBe('docx');
    expect(docx.parts).toHaveLength(6);
  });
});

const zh = /[\u4e00-\u9fff]/;

describe('parseReportFile refuses bad input with a clear Chinese and English error', () => {
  it.each([
    ['empty.txt', fixture('empty.txt'), 'empty_input', '文件为空'],
    ['blank.txt', fixture('blank.txt'), 'empty_input', '空白'],
    ['binary.bin', fixture('binary.bin'), 'binary_input', '不是文本'],
    ['binary.txt', fixture('binary.bin'), 'binary_input', '不是文本'],
    ['pdf-named.txt', fixture('pdf-named.txt'), 'binary_input', 'PDF'],
    ['junk.docx', fixture('junk.docx'), 'corrupt_file', '损坏'],
    ['not-a-zip.docx', fixture('not-a-zip.docx'), 'corrupt_file', 'Word'],
    ['empty.docx', fixture('empty.txt'), 'empty_input', '文件为空'],
    ['old.doc', fixture('binary.bin'), 'unsupported_format', '.docx'],
    ['scan.pdf', fixture('pdf-named.txt'), 'unsupported_format', 'PDF'],
    [
      'page.html',
      Buffer.from('<html><body><script>var a = 1;</script></body></html>'),
      'empty_input',
      '正文',
    ],
    [
      'png-named.md',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      'binary_input',
      'PNG',
    ],
  ])('%s → %s', async (fileName, bytes, code, words) => {
    const error = await parseReportFile(bytes, { fileName }).catch((e: unknown) => e);
    expect(GovdraftError.isInstance(error)).toBe(true);
    const problem = error as GovdraftError;
    expect(problem.code).toBe(code);
    expect(problem.messageZh).toMatch(zh);
    expect(problem.messageZh).toContain(words);
    expect(problem.message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('refuses a file above the size cap with file_too_large', async () => {
    const big = Buffer.alloc(2048, 0x61);
    const error = await parseReportFile(big, { fileName: 'big.txt', maxBytes: 1024 }).catch(
      (e: unknown) => e,
    );
    expect((error as GovdraftError).code).toBe('file_too_large');
    expect((error as GovdraftError).messageZh).toContain('文件过大');
  });

  it('parses a large report (the seed 200 times, ~2 MB) without trouble', async () => {
    const big = iconv.encode(Array.from({ length: 200 }, () => seedText).join('\n'), 'gbk');
    const report = await parseReportFile(big, { fileName: 'big.txt' });
    expect(report.source.encoding).toBe('gb18030');
    expect(report.parts.length).toBeGreaterThanOrEqual(6);
  });

  it('answers random bytes with a report or a GovdraftError, never anything else', async () => {
    let state = 7;
    const byte = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state >>> 16;
    };
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: 1 + (byte() % 300) }, () => byte() & 0xff);
      const fileName = ['a.txt', 'a.md', 'a.html', 'a.docx', null][round % 5];
      const outcome = await parseReportFile(bytes, { fileName }).catch((e: unknown) => e);
      if (outcome instanceof Error) expect(GovdraftError.isInstance(outcome), String(outcome)).toBe(true);
    }
  });
});
