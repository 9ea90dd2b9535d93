import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { draftDocx } from '../../server/draft/docx.ts';
import { officialPage } from '../../server/draft/official-layout.ts';
import type { Draft } from '../../server/draft/types.ts';
import { parseReportFile } from '../../server/report/index.ts';
import { ledgers, report2016 } from './corpus.ts';
import { unzipText } from './zip.ts';

/** Twips of a length in millimetres, as Word stores page geometry. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('the .docx export in the GB/T 9704-2012 layout', () => {
  let draft: Draft;
  let bytes: Uint8Array;
  let files: Map<string, string>;
  let body: string;

  beforeAll(async () => {
    const { both } = await ledgers();
    draft = buildDraft({
      year: 2017,
      report: await report2016(),
      stored: true,
      ledger: both,
      ledgerSource: 'x',
    });
    bytes = await draftDocx(draft);
    files = unzipText(bytes);
    body = files.get('word/document.xml') ?? '';
  });

  it('sets A4 with margins 37/35/28/26 mm and a 22 × 28 grid', () => {
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const margins = body.match(/<w:pgMar [^>]*>/)?.[0] ?? '';
    expect(margins).toContain(`w:top="${twips(37)}"`);
    expect(margins).toContain(`w:bottom="${twips(35)}"`);
    expect(margins).toContain(`w:left="${twips(28)}"`);
    expect(margins).toContain(`w:right="${twips(26)}"`);
    const grid = body.match(/<w:docGrid [^>]*>/)?.[0] ?? '';
    expect(grid).toContain('w:type="linesAndChars"');
    expect(grid).toContain(`w:linePitch="${officialPage.linePitch}"`);
    // 22 lines fill the text height, 28 characters of 三号 (16 pt) plus the grid's delta fill its width.
    expect(Math.floor((twips(297) - twips(37) - twips(35)) / officialPage.linePitch)).toBe(22);
    const pitch = 320 + (officialPage.charSpace / 4096) * 20;
    expect(Math.floor((twips(210) - twips(28) - twips(26)) / pitch)).toBe(28);
  });

  it('writes the title in 方正小标宋简体 二号, centred, and the body in 仿宋_GB2312 三号', () => {
    const title =
      body.match(/<w:p>(?:(?!<\/w:p>).)*甘泉路街道2017年工作总结(?:(?!<\/w:p>).)*<\/w:p>/)?.[0] ?? '';
    expect(title).toContain('<w:pStyle w:val="Title"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    const paragraph = body.match(/<w:p>(?:(?!<\/w:p>).)*丰富为老服务内涵(?:(?!<\/w:p>).)*<\/w:p>/)?.[0] ?? '';
    expect(paragraph).toContain('w:eastAsia="仿宋_GB2312"');
    expect(paragraph).toContain('<w:sz w:val="32"/>');
    expect(paragraph).toContain('w:firstLineChars="200"');
    expect(paragraph).toContain(`w:line="${officialPage.linePitch}" w:lineRule="exact"`);
  });

  it('writes the part headings in 楷体_GB2312 三号 with Word’s Heading 1 style', () => {
    const headings = body.match(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
    expect(headings).toHaveLength(6);
    for (const h of headings) {
      expect(h).toContain('w:eastAsia="楷体_GB2312"');
      expect(h).toContain('<w:sz w:val="32"/>');
    }
    expect(headings[0]).toContain('(一)注重保障民生,公共服务能级提升');
    expect(files.get('word/styles.xml')).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('numbers pages “— 1 —”, odd pages right and even pages left', () => {
    expect(files.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...files.entries()]
      .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
      .map(([, xml]) => xml);
    expect(footers).toHaveLength(2);
    for (const xml of footers) {
      expect(xml).toContain('PAGE');
      expect(xml).toContain('— ');
      expect(xml).toContain('w:eastAsia="宋体"');
    }
    expect(footers.map((xml) => xml.match(/<w:jc w:val="(\w+)"\/>/)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('makes [n] marks real footnotes and highlights 【待核实】 markers', () => {
    expect(body).toContain('<w:footnoteReference w:id="1"/>');
    expect(files.get('word/footnotes.xml')).toContain('“五违”指违法用地');
    expect(body).not.toContain('[1]');
    expect(body).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*【待核实:上年为4280平方米】/);
  });

  it('highlights 〖上年表述〗 sentences in their own colour, a 【待核实】 marker inside keeping its own', () => {
    const runs = [...body.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/g)].map((m) => m[0]);
    const colour = (needle: string) =>
      runs.find((r) => r.includes(needle))?.match(/<w:highlight w:val="(\w+)"\/>/)?.[1];
    expect(colour('甘泉路司法所被司法部授予')).toBe('cyan');
    expect(colour('积极争创全国最美志愿服务社区')).toBe('cyan');
    expect(colour('【待核实:上年为十家】')).toBe('yellow');
    expect(colour('街道之一,入围2016年')).toBe('cyan');
    expect(colour('全年服务3600余次')).toBeUndefined();
  });

  it('reads back with mammoth as a title, six headings and the paragraphs', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect((html.match(/<h1>/g) ?? []).length).toBe(6);
    expect(html).toContain('<h1>(三)建设平安甘泉,公共安全可控有序</h1>');
    expect(html).toContain('全年服务3600余次');
    const back = await parseReportFile(bytes, { fileName: 'draft.docx' });
    expect(back.title).toBe('甘泉路街道2017年工作总结');
    expect(back.parts.map((p) => p.title)).toEqual(draft.parts.map((p) => p.title));
    expect(back.footnotes.map((f) => f.mark)).toEqual([1, 2]);
  });
});
