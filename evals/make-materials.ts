/**
 * Writes the demo and eval materials whose bytes cannot be edited by hand, from a UTF-8 source:
 * a Word file (through the project's docx package) or a GBK text file (through iconv-lite).
 *
 *   npx tsx evals/make-materials.ts corpus/materials/src/社区服务办公室.docx.txt corpus/materials/2017/社区服务办公室2017年工作总结.docx
 *   npx tsx evals/make-materials.ts corpus/materials/src/社区管理办公室.gbk.txt corpus/materials/2017/社区管理办公室-2017年工作小结.txt
 *
 * Source lines for a .docx: `# ` the title (Word's Title style), `## ` a bold paragraph (how offices
 * type their headings), `### ` Heading 2, `| a | b |` table rows (the first is the header), anything
 * else a body paragraph with a two-character indent; blank lines separate nothing. A .txt output is
 * the source re-encoded as GBK, line for line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import iconv from 'iconv-lite';

type Block = Paragraph | Table;

const body = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

/** A table from consecutive `| … |` lines. */
function table(rows: string[]): Table {
  const cells = rows.map((row) =>
    row
      .replace(/^\s*\|/, '')
      .replace(/\|\s*$/, '')
      .split('|')
      .map((cell) => cell.trim()),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: cells.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: row.map(
            (text) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text, bold: r === 0, font: body })] })],
              }),
          ),
        }),
    ),
  });
}

/** One source line as a Word paragraph. */
function paragraph(line: string): Paragraph {
  if (line.startsWith('# ')) return new Paragraph({ heading: HeadingLevel.TITLE, text: line.slice(2) });
  if (line.startsWith('### ')) return new Paragraph({ heading: HeadingLevel.HEADING_2, text: line.slice(4) });
  const bold = line.startsWith('## ');
  return new Paragraph({
    indent: bold ? undefined : { firstLine: 640 },
    children: [new TextRun({ text: bold ? line.slice(3) : line, bold, font: body, size: 32 })],
  });
}

/** The Word document of a source text. */
export async function materialDocx(source: string): Promise<Uint8Array> {
  const children: Block[] = [];
  let rows: string[] = [];
  const flush = (): void => {
    if (rows.length) children.push(table(rows));
    rows = [];
  };
  for (const line of source.split(/\r?\n/)) {
    if (/^\s*\|/.test(line)) {
      rows.push(line);
      continue;
    }
    flush();
    if (line.trim()) children.push(paragraph(line.trim()));
  }
  flush();
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) throw new Error('usage: tsx evals/make-materials.ts <source.txt> <out.docx|out.txt>');
  const source = readFileSync(from, 'utf8');
  if (to.endsWith('.docx')) writeFileSync(to, await materialDocx(source));
  else if (to.endsWith('.txt')) writeFileSync(to, iconv.encode(source, 'gbk'));
  else throw new Error(`unsupported output ${to}: .docx or .txt`);
}

if (process.argv[1]?.endsWith('make-materials.ts')) await main();
