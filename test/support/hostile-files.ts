/**
 * Hostile upload files, generated at test time (small on disk, huge in what they claim or expand
 * to): the attacks of issue 10 against the upload parsers.
 */
import { repeat, type ZipEntrySpec, zipArchive } from './zip-writer.ts';

const docxTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const docxRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const documentTail = '</w:body></w:document>';
const paragraph = '<w:p><w:r><w:t>全年拆除违法建筑154处,面积2.3万平方米。</w:t></w:r></w:p>';

/** A Word document whose text is `paragraphs` copies of one sentence. */
function docxEntries(paragraphs: number, declaredSize?: number): ZipEntrySpec[] {
  return [
    { name: '[Content_Types].xml', pieces: [docxTypes] },
    { name: '_rels/.rels', pieces: [docxRels] },
    {
      name: 'word/document.xml',
      pieces: [documentHead, ...repeat(paragraph, paragraphs), documentTail],
      declaredSize,
    },
  ];
}

/** A .docx of about 200 KB whose document.xml expands to about `megabytes` MB (honest headers). */
export function docxBomb(megabytes = 200): Promise<Buffer> {
  return zipArchive(docxEntries(Math.ceil((megabytes * 1_048_576) / Buffer.byteLength(paragraph))));
}

/** The same bomb with headers that claim document.xml holds 2 KB (a bomb hiding from size checks). */
export function lyingDocxBomb(megabytes = 200): Promise<Buffer> {
  return zipArchive(docxEntries(Math.ceil((megabytes * 1_048_576) / Buffer.byteLength(paragraph)), 2048));
}

const xlsxTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const xlsxRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const workbook =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>';
const workbookRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const sheetTail = '</sheetData></worksheet>';

/** An inline-string cell. */
const text = (ref: string, value: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
/** The header row of a ledger: 年度, 指标名称, 数值, 计量单位. */
const headerRow = `<row r="1">${text('A1', '年度')}${text('B1', '指标名称')}${text('C1', '数值')}${text('D1', '计量单位')}</row>`;

/** A workbook with one sheet made of `pieces` of sheetData. */
function workbookOf(pieces: Iterable<string | Buffer>): Promise<Buffer> {
  return zipArchive([
    { name: '[Content_Types].xml', pieces: [xlsxTypes] },
    { name: '_rels/.rels', pieces: [xlsxRels] },
    { name: 'xl/workbook.xml', pieces: [workbook] },
    { name: 'xl/_rels/workbook.xml.rels', pieces: [workbookRels] },
    { name: 'xl/worksheets/sheet1.xml', pieces: [sheetHead, ...pieces, sheetTail] },
  ]);
}

/**
 * A valid ledger sheet of two kilobytes whose cells claim far coordinates: one at row 200000 and one
 * at column ZZ (a reader walking rows × columns visits 1.4e8 cells).
 */
export function farCoordinatesXlsx(): Promise<Buffer> {
  return workbookOf([
    headerRow.replace('</row>', `${text('ZZ1', '备注')}</row>`),
    `<row r="2">${text('B2', '拆除违法建筑')}<c r="A2"><v>2016</v></c><c r="C2"><v>154</v></c>${text('D2', '处')}</row>`,
    `<row r="200000"><c r="A200000"><v>2016</v></c></row>`,
  ]);
}

/** An .xlsx of about 500 KB whose sheet expands to about `megabytes` MB of identical rows. */
export function xlsxBomb(megabytes = 500): Promise<Buffer> {
  const row = `<row>${text('', '2016').replace(' r=""', '')}${text('', '指标').replace(' r=""', '')}</row>`;
  return workbookOf([headerRow, ...repeat(row, Math.ceil((megabytes * 1_048_576) / Buffer.byteLength(row)))]);
}

/**
 * A JSON ledger of `records` objects that each carry one extra key of their own (a reader building
 * every row over the union of keys does records² work).
 */
export function manyKeysJson(records = 40_000): Buffer {
  const items = Array.from(
    { length: records },
    (_, i) => `{"年度":2016,"指标名称":"指标${i}","数值":${i},"计量单位":"个","k${i}":${i}}`,
  );
  return Buffer.from(`[${items.join(',')}]`);
}

/** A .docx holding `entries` tiny parts beside its document (a bomb by entry count). */
export function manyEntriesDocx(entries = 20_000): Promise<Buffer> {
  const extra = Array.from({ length: entries }, (_, i) => ({
    name: `customXml/item${i}.xml`,
    pieces: ['<a/>'],
  }));
  return zipArchive([...docxEntries(10), ...extra]);
}

/**
 * A small ledger sheet whose extra XML asks exceljs for far more than it holds: `extra` goes after
 * sheetData (e.g. `<mergeCells><mergeCell ref="A3:XFD1048576"/></mergeCells>`) or, with
 * `before: true`, before it (e.g. `<cols><col min="1" max="1000000000"/></cols>`).
 */
export function craftedSheetXlsx(extra: string, before = false): Promise<Buffer> {
  const rows = `${headerRow}<row r="2"><c r="A2"><v>2016</v></c>${text('B2', '拆除违法建筑')}<c r="C2"><v>154</v></c>${text('D2', '处')}</row>`;
  return zipArchive([
    { name: '[Content_Types].xml', pieces: [xlsxTypes] },
    { name: '_rels/.rels', pieces: [xlsxRels] },
    { name: 'xl/workbook.xml', pieces: [workbook] },
    { name: 'xl/_rels/workbook.xml.rels', pieces: [workbookRels] },
    {
      name: 'xl/worksheets/sheet1.xml',
      pieces: [
        before ? sheetHead.replace('<sheetData>', `${extra}<sheetData>`) : sheetHead,
        rows,
        before ? sheetTail : sheetTail.replace('</worksheet>', `${extra}</worksheet>`),
      ],
    },
  ]);
}

/** A valid one-row ledger sheet with cells at far coordinates only downwards (row 200000, column D). */
export function farRowXlsx(): Promise<Buffer> {
  return workbookOf([
    headerRow,
    `<row r="2"><c r="A2"><v>2016</v></c>${text('B2', '拆除违法建筑')}<c r="C2"><v>154</v></c>${text('D2', '处')}</row>`,
    `<row r="200000">${text('D200000', '备注')}</row>`,
  ]);
}
