/**
 * Annotating a .docx: runs split with their properties copied and the highlight in schema order,
 * comments merged with the writer's own, notes annotated, package limits, and findings known
 * across versions of a document.
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import type { CheckedClaim } from '../../server/figures/index.ts';
import { checkText, parseLedger } from '../../server/figures/index.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { annotateDocx } from '../../server/review/annotate.ts';
import { compareFindings, findingKeys, rememberFindings } from '../../server/review/changes.ts';
import { findingRows } from '../../server/review/findings.ts';
import { findingsCsv } from '../../server/review/findings-file.ts';
import { openPackage } from '../../server/review/package.ts';
import { renderRun, runPieces } from '../../server/review/runs.ts';
import { elementChildren, parseXml, type XmlElement } from '../../server/review/xml.ts';
import {
  anchoredComments,
  docxParts,
  editPart,
  encryptedDocx,
  replaceOnce,
  seedDocx,
  seedLedgerPath,
} from '../support/docx-review.ts';

const ledger = async () => parseLedger(readFileSync(seedLedgerPath), 'ganquan-2016.csv');

async function annotate(bytes: Uint8Array) {
  const report = await parseReportFile(bytes, { fileName: 'x.docx' });
  const { claims } = checkText(report.text, await ledger());
  return annotateDocx({ docx: bytes, text: report.text, claims, date: new Date('2024-03-01T08:00:00Z') });
}

const firstRun = (xml: string): XmlElement => elementChildren(elementChildren(parseXml(xml))[0])[0];

describe('runs split at a figure', () => {
  const rPr = '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:u w:val="single"/></w:rPr>';
  const xml = `<w:p><w:r w:rsidR="00A1">${rPr}<w:t>共拆除160处,完成</w:t></w:r></w:p>`;

  it('copies the properties to every piece and puts the highlight before w:u, as CT_RPr orders it', () => {
    const run = firstRun(xml);
    const out = renderRun(
      xml,
      run,
      runPieces(run, () => ''),
      {
        marks: [
          { at: 3, xml: '<S/>' },
          { at: 7, xml: '<E/>' },
        ],
        paint: [{ from: 3, to: 7, color: 'red' }],
      },
    );
    expect(out).toBe(
      `<w:r w:rsidR="00A1">${rPr}<w:t xml:space="preserve">共拆除</w:t></w:r><S/>` +
        `<w:r w:rsidR="00A1"><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:highlight w:val="red"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">160处</w:t></w:r><E/>` +
        `<w:r w:rsidR="00A1">${rPr}<w:t xml:space="preserve">,完成</w:t></w:r>`,
    );
  });

  it("keeps the writer's own highlight and adds properties to a run that had none", () => {
    const own = '<w:p><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>538户</w:t></w:r></w:p>';
    const run = firstRun(own);
    expect(
      renderRun(
        own,
        run,
        runPieces(run, () => ''),
        { marks: [], paint: [{ from: 0, to: 4, color: 'red' }] },
      ),
    ).toBe('<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>538户</w:t></w:r>');
    const bare = '<w:p><w:r><w:t>538户</w:t></w:r></w:p>';
    const plain = firstRun(bare);
    expect(
      renderRun(
        bare,
        plain,
        runPieces(plain, () => ''),
        { marks: [], paint: [{ from: 0, to: 4, color: 'red' }] },
      ),
    ).toBe('<w:r><w:rPr><w:highlight w:val="red"/></w:rPr><w:t>538户</w:t></w:r>');
  });
});

describe('annotateDocx', () => {
  it("appends to the writer's own comments with fresh ids and keeps theirs", async () => {
    const seed = await seedDocx();
    const theirs =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="科室" w:initials="KS"><w:p><w:r><w:t>请补充</w:t></w:r></w:p></w:comment></w:comments>';
    const files = unzipSync(seed);
    files['word/comments.xml'] = strToU8(theirs);
    const withComment = editPart(
      editPart(
        editPart(zipSync(files), 'word/document.xml', (xml) =>
          replaceOnce(
            xml.replace('154处', '160处'),
            '<w:t xml:space="preserve">甘泉路街道2016年工作总结</w:t></w:r>',
            '<w:t xml:space="preserve">甘泉路街道2016年工作总结</w:t></w:r><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
          ),
        ),
        'word/_rels/document.xml.rels',
        (rels) =>
          rels.replace(
            '</Relationships>',
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
          ),
      ),
      '[Content_Types].xml',
      (types) =>
        types.replace(
          '</Types>',
          '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
        ),
    );
    const result = await annotate(withComment);
    expect(result.comments).toBe(1);
    const parts = docxParts(result.docx);
    expect(parts['word/comments.xml']).toContain('<w:comment w:id="0" w:author="科室"');
    expect(parts['word/comments.xml']).toContain('<w:comment w:id="1" w:author="govdraft 数字核查"');
    expect(parts['word/_rels/document.xml.rels'].match(/relationships\/comments"/g)).toHaveLength(1);
    expect(anchoredComments(result.docx).map((c) => c.anchored)).toEqual(['', '160处']);
  });

  it('annotates a figure in a footnote in the footnotes part', async () => {
    const seed = await seedDocx();
    const changed = editPart(seed, 'word/footnotes.xml', (xml) =>
      replaceOnce(xml, '“五违”指', '全年拆除违法建筑160处;“五违”指'),
    );
    const result = await annotate(changed);
    expect(anchoredComments(result.docx, 'word/footnotes.xml').map((c) => c.anchored)).toEqual(['160处']);
  });

  it('leaves a document with nothing to say without a comments part', async () => {
    const result = await annotate(await seedDocx());
    expect(result.comments).toBe(0);
    expect(docxParts(result.docx)['word/comments.xml']).toBeUndefined();
  });
});

describe('opening a package', () => {
  it('refuses an encrypted package, too many entries and too many unpacked bytes', async () => {
    const code = (f: () => unknown): string => {
      try {
        f();
        return 'none';
      } catch (error) {
        return GovdraftError.isInstance(error) ? `${error.code} ${error.messageZh}` : String(error);
      }
    };
    expect(code(() => openPackage(encryptedDocx()))).toMatch(/^unsupported_format 文件已加密/);
    const seed = await seedDocx();
    expect(code(() => openPackage(seed, { entries: 5, bytes: 1e9, xmlBytes: 1e9 }))).toMatch(
      /^file_too_large/,
    );
    expect(code(() => openPackage(seed, { entries: 1000, bytes: 10_000, xmlBytes: 1e9 }))).toMatch(
      /^file_too_large/,
    );
    expect(code(() => openPackage(zipSync({ 'a.txt': strToU8('x') })))).toMatch(/^corrupt_file/);
  });
});

describe('findings across versions', () => {
  const claimsOf = async (text: string): Promise<CheckedClaim[]> => checkText(text, await ledger()).claims;
  const seed = readFileSync(
    seedLedgerPath.replace('ledgers/ganquan-2016.csv', 'reports/甘泉路街道2016年工作总结.txt'),
    'utf8',
  );

  it('knows a finding by metric and masked sentence, wherever the paragraph moved', async () => {
    const wrong = seed.replace('154处', '160处').replace('4720人次', '4270人次');
    const before = await claimsOf(wrong);
    const moved = `${wrong.replace(/\n\n[^\n]*落实托底保障政策[^\n]*/, '')}\n\n${/落实托底保障政策[^\n]*/.exec(wrong)?.[0]}`;
    const fixedOne = moved.replace('160处', '154处');
    const after = await claimsOf(fixedOne);
    const changes = compareFindings(
      { checkedAt: '2024-03-01T08:00:00.000Z', file: 'a.docx', findings: rememberFindings(wrong, before) },
      rememberFindings(fixedOne, after),
      new Map(after.map((c, i) => [findingKeys(fixedOne, after)[i], { text: c.text, verdict: c.verdict }])),
    );
    expect(changes.summary).toEqual({ fixed: 1, open: 1, new: 0 });
    expect(changes.fixed[0].now).toEqual({ text: '154处', verdict: 'supported' });
    expect(changes.open[0].text).toBe('4270人次');
  });

  it('writes the findings table with positions, numbers as numbers and a BOM', async () => {
    const wrong = seed.replace('总金额139.76万元', '总金额193.76万元');
    const report = await parseReportFile(Buffer.from(wrong), { fileName: 'x.txt' });
    const rows = findingRows(report.text, await claimsOf(report.text), report);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      paragraph: 2,
      sentence: 2,
      verdict: '不符',
      expected: 1397600,
      expectedAsWritten: '139.76万元',
    });
    expect(rows[0].location).toBe('(一)注重保障民生,公共服务能级提升 / 第2段 / 第2句');
    const csv = findingsCsv(rows);
    expect(csv.startsWith('\uFEFF位置,部分,段,句,原文')).toBe(true);
    expect(csv).toContain(',不符,1937600,1397600,139.76万元,元,');
  });
});
