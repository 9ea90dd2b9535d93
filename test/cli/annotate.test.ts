/**
 * `govdraft check --annotate` end to end: the real built command on a .docx made by the project's
 * exporter and edited as a writer would; the output compared with the input part by part, opened
 * by LibreOffice; a revised copy checked again; bad input refused with nothing written.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../report/structure.ts';
import { runCli } from '../support/cli.ts';
import {
  addTable,
  anchoredComments,
  changeInSentence,
  changeSplitRun,
  docxParts,
  editPart,
  encryptedDocx,
  inSentence,
  inTable,
  seedDocx,
  seedLedgerPath,
  splitRun,
  withoutComments,
} from '../support/docx-review.ts';

const hasSoffice = spawnSync('soffice', ['--version']).status === 0;
if (!hasSoffice)
  process.stderr.write(
    'annotate: LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui); skipping the LibreOffice check\n',
  );

describe('govdraft check --annotate (built command)', () => {
  let dir: string;
  let dataDir: string;
  let input: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-annotate-'));
    dataDir = join(dir, 'data');
    input = join(dir, '稿.docx');
    const edited = editPart(await seedDocx(), 'word/document.xml', (xml) =>
      addTable(changeSplitRun(changeInSentence(xml))),
    );
    writeFileSync(input, edited);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts exactly three 不符 comments on the three changed figures and changes nothing else', async () => {
    const run = await runCli(['check', input, '--ledger', seedLedgerPath, '--annotate', '--quiet'], {
      dataDir,
    });
    expect(run.code).toBe(1);
    const output = join(dir, '稿.核查.docx');
    expect(run.stderr).toContain('已写出批注版');
    const annotated = new Uint8Array(readFileSync(output));
    const comments = anchoredComments(annotated);
    expect(comments.map((c) => c.anchored)).toEqual([inSentence.now, splitRun.now, inTable.now]);
    for (const c of comments) {
      expect(c.author).toBe('govdraft 数字核查');
      expect(c.text).toMatch(/^不符：/);
      expect(c.text).toContain('ganquan-2016.csv 第');
    }
    expect(comments[1].text).toContain('台账为“139.76万元”');

    const before = docxParts(new Uint8Array(readFileSync(input)));
    const after = docxParts(annotated);
    const ours = comments.map((c) => c.id);
    expect(withoutComments(after['word/document.xml'], ours)).toBe(
      withoutComments(before['word/document.xml'], []),
    );
    const changed = [
      'word/document.xml',
      'word/comments.xml',
      'word/_rels/document.xml.rels',
      '[Content_Types].xml',
    ];
    for (const name of Object.keys(before).filter((n) => !changed.includes(n)))
      expect(after[name]).toBe(before[name]);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'word/comments.xml'].sort());
    expect(after['word/_rels/document.xml.rels']).toContain('Target="comments.xml"');
    expect(after['[Content_Types].xml']).toContain('PartName="/word/comments.xml"');
  });

  it.skipIf(!hasSoffice)(
    'opens in LibreOffice headless, which reads the comments on the figures',
    () => {
      const output = join(dir, '稿.核查.docx');
      const profile = `file://${join(dir, 'lo-profile')}`;
      const convert = (format: string) =>
        spawnSync(
          'soffice',
          [
            `-env:UserInstallation=${profile}`,
            '--headless',
            '--convert-to',
            format,
            '--outdir',
            join(dir, format),
            output,
          ],
          { encoding: 'utf8', timeout: 170_000 },
        );
      const pdf = convert('pdf');
      expect(pdf.status, pdf.stderr).toBe(0);
      expect(readdirSync(join(dir, 'pdf'))).toEqual(['稿.核查.pdf']);
      expect(
        readFileSync(join(dir, 'pdf', '稿.核查.pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const odt = convert('odt');
      expect(odt.status, odt.stderr).toBe(0);
      const content = docxParts(new Uint8Array(readFileSync(join(dir, 'odt', '稿.核查.odt'))))['content.xml'];
      const notes = [...content.matchAll(/<office:annotation\b.*?<\/office:annotation>/g)];
      expect(notes).toHaveLength(3);
      expect(notes.every((n) => n[0].includes('govdraft 数字核查'))).toBe(true);
    },
    360_000,
  );

  it('a revised copy with two of the three fixed: 2 fixed, 1 still open, said in the comment too', async () => {
    const revised = join(dir, '稿-修改.docx');
    writeFileSync(
      revised,
      editPart(new Uint8Array(readFileSync(input)), 'word/document.xml', (xml) =>
        xml.replace(inSentence.now, inSentence.was).replace(inTable.now, '18735件'),
      ),
    );
    const run = await runCli(['check', revised, '--ledger', seedLedgerPath, '--annotate', '--json'], {
      dataDir,
    });
    expect(run.code).toBe(1);
    const line = JSON.parse(run.stdout.trim());
    expect(Object.keys(line).sort()).toEqual(['annotated', 'changes', 'claims', 'file', 'office', 'summary']);
    expect(line.changes.summary).toEqual({ fixed: 2, open: 1, new: 0 });
    expect(line.changes.fixed.map((f: { now: { text: string } }) => f.now.text).sort()).toEqual([
      '18735件',
      '4720人次',
    ]);
    expect(line.changes.open[0].text).toBe(splitRun.now);
    const comments = anchoredComments(new Uint8Array(readFileSync(join(dir, '稿-修改.核查.docx'))));
    expect(comments).toHaveLength(1);
    expect(comments[0].text).toContain('上次核查已指出');

    const human = await runCli(['check', revised, '--ledger', seedLedgerPath, '--quiet'], { dataDir });
    expect(human.stdout).toMatch(
      /与上次核查（\d{4}-\d\d-\d\d）相比：已改正 0 处 · 仍未改正 1 处 · 新发现 0 处/,
    );
  });

  it('writes the findings table as .xlsx and as .csv', async () => {
    const csv = join(dir, '核查表.csv');
    const run = await runCli(['check', input, '--ledger', seedLedgerPath, '--report', csv, '--quiet'], {
      dataDir,
    });
    expect(run.code).toBe(1);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF位置,')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(4);
    const xlsx = join(dir, '核查表.xlsx');
    expect(
      (await runCli(['check', input, '--ledger', seedLedgerPath, '--report', xlsx], { dataDir })).code,
    ).toBe(1);
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('位置');
    const expected = sheet.getRow(3).getCell(9).value;
    expect(expected).toBe(1397600);
  });

  it.each([
    ['not a Word file', () => fixture('not-a-zip.docx'), '不是有效的 Word 文档'],
    ['password-protected', () => Buffer.from(encryptedDocx()), '文件已加密'],
    ['50 MB', () => Buffer.alloc(50 * 1024 * 1024, 7), '文件过大（50.0 MB）'],
  ])('refuses a .docx that is %s clearly and leaves no output file', async (_name, bytes, message) => {
    const bad = join(dir, 'bad', '坏.docx');
    rmSync(join(dir, 'bad'), { recursive: true, force: true });
    mkdirSync(join(dir, 'bad'));
    writeFileSync(bad, bytes());
    const run = await runCli(
      ['check', bad, '--ledger', seedLedgerPath, '--annotate', '--report', join(dir, 'bad', 't.xlsx')],
      {
        dataDir,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`错误:${bad}:`);
    expect(run.stderr).toContain(message);
    expect(readdirSync(join(dir, 'bad'))).toEqual(['坏.docx']);
  });

  it('annotates a .txt as the GB/T 9704 .docx of its text', async () => {
    const txt = join(dir, '稿.txt');
    copyFileSync(join(import.meta.dirname, '../../corpus/reports/甘泉路街道2016年工作总结.txt'), txt);
    writeFileSync(txt, readFileSync(txt, 'utf8').replace('总金额139.76万元', '总金额13.976万元'));
    const run = await runCli(
      ['check', txt, '--ledger', seedLedgerPath, '--annotate', join(dir, 'txt.docx'), '--quiet'],
      {
        dataDir: join(dir, 'data-txt'),
      },
    );
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, 'txt.docx'))).toBe(true);
    const comments = anchoredComments(new Uint8Array(readFileSync(join(dir, 'txt.docx'))));
    expect(comments.map((c) => c.anchored)).toEqual(['13.976万元']);
    expect(docxParts(new Uint8Array(readFileSync(join(dir, 'txt.docx'))))['word/document.xml']).toContain(
      'GovBody',
    );
  });
});
