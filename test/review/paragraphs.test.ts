/**
 * The text of a .docx paragraph: what the annotator reads from the runs equals, block for block,
 * what the report reader (mammoth) extracts — on the exporter's documents, Word footnotes, and a
 * document holding tables, hyperlinks, tabs, line breaks, tracked insertions and deletions, fields,
 * symbols, content controls and smart tags.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/figures/index.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { createLocator } from '../../server/review/align.ts';
import { openPackage, partText } from '../../server/review/package.ts';
import { type CharSource, readDocumentText } from '../../server/review/paragraphs.ts';
import { symbolChar } from '../../server/review/runs.ts';
import { fixture } from '../report/structure.ts';
import { editPart, replaceOnce, seedDocx } from '../support/docx-review.ts';

function read(bytes: Uint8Array) {
  const pkg = openPackage(bytes);
  const names = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];
  return readDocumentText(Object.fromEntries(names.map((n) => [n, partText(pkg, n)])));
}

/** The characters the sources point at, read back from the runs. */
function charsOf(document: ReturnType<typeof read>, sources: readonly CharSource[]): string {
  const byRun = new Map(document.parts.flatMap((p) => [...p.runs]));
  return sources.map((s) => (byRun.get(s.run) ?? []).map((piece) => piece.text).join('')[s.pos]).join('');
}

/**
 * True when the runs' characters read as the reader's block: whitespace aside, a symbol (whose
 * character the reader takes from its font) matching any one character, and a note's [n] — the
 * reader's own, held by no run — left out.
 */
function readsAs(chars: string, block: string): boolean {
  const got = chars.replace(/\s/g, '');
  const wants = [block.replace(/\s/g, ''), block.replace(/^\[\d+\]|\s/g, '')];
  return wants.some(
    (want) => want.length === got.length && [...want].every((c, i) => got[i] === c || got[i] === symbolChar),
  );
}

async function expectSameText(bytes: Uint8Array): Promise<string> {
  const report = await parseReportFile(bytes, { fileName: 'x.docx' });
  const document = read(bytes);
  const locator = createLocator(report.text, document.lines);
  expect(locator.unmatched()).toEqual([]);
  let start = 0;
  for (const block of report.text.split('\n\n')) {
    const sources = locator.locate(start, start + block.length);
    expect(readsAs(charsOf(document, sources ?? []), block)).toBe(true);
    start += block.length + 2;
  }
  return report.text;
}

const rich = (xml: string): string => {
  const at = xml.indexOf('<w:p>', xml.indexOf('(二)'));
  const p = (body: string): string => `<w:p>${body}</w:p>`;
  const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const added = [
    p(
      `${r('完成道路')}<w:r><w:tab/></w:r>${r('保洁')}<w:hyperlink w:anchor="x">${r('12条')}</w:hyperlink>${r('。')}`,
    ),
    p(`${r('开展巡查')}<w:r><w:br/></w:r>${r('共计36次')}`),
    p(
      `${r('新增')}<w:ins w:id="91" w:author="a">${r('绿化')}</w:ins><w:del w:id="92" w:author="a"><w:r><w:delText>删掉的</w:delText></w:r></w:del>${r('面积3200平方米')}`,
    ),
    p(
      `${r('页码')}<w:fldSimple w:instr="PAGE">${r('7')}</w:fldSimple>${r('之后')}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>${r('完成')}`,
    ),
    p(
      `<w:sdt><w:sdtPr/><w:sdtContent>${r('服务对象')}</w:sdtContent></w:sdt><w:smartTag w:uri="u" w:element="e">${r('580人')}</w:smartTag><w:r><w:noBreakHyphen/></w:r>${r('次&amp;次')}`,
    ),
    `<w:tbl><w:tr><w:tc>${p(r('帮扶120户'))}${p(r('第二段'))}</w:tc><w:tc>${p(r('  回访 90 次  '))}</w:tc></w:tr></w:tbl>`,
    p(`<w:pPr><w:rPr><w:del w:id="93" w:author="a"/></w:rPr></w:pPr>${r('段落标记被删除,')}`),
    p(r('与下一段合并。')),
  ].join('');
  return xml.slice(0, at) + added + xml.slice(at);
};

describe('the text of a .docx paragraph', () => {
  it('equals the reader text block for block on the exporter seed', async () => {
    await expectSameText(await seedDocx());
  });

  it('equals it on the committed fixtures (renderDocx seed, Word footnotes)', async () => {
    await expectSameText(new Uint8Array(fixture('seed.docx')));
    const text = await expectSameText(new Uint8Array(fixture('word-footnotes.docx')));
    expect(text).toContain('[1]“五违”指违法用地');
  });

  it('equals it through tables, links, tabs, breaks, revisions, fields, symbols and controls', async () => {
    const bytes = editPart(await seedDocx(), 'word/document.xml', rich);
    const text = await expectSameText(bytes);
    expect(text).toContain('共计36次');
    expect(text).not.toContain('删掉的');
  });

  it('maps every claim of the check to the very characters of its figure', async () => {
    const bytes = editPart(await seedDocx(), 'word/document.xml', (xml) =>
      replaceOnce(rich(xml), '139.76万元', '139.</w:t></w:r><w:r><w:t>7</w:t></w:r><w:r><w:t>6万元'),
    );
    const report = await parseReportFile(bytes, { fileName: 'x.docx' });
    const document = read(bytes);
    const locator = createLocator(report.text, document.lines);
    const { claims } = checkText(report.text, []);
    expect(claims.length).toBeGreaterThan(50);
    for (const claim of claims)
      expect(charsOf(document, locator.locate(claim.start, claim.end) ?? [])).toBe(claim.text);
  });
});
