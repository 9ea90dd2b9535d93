/**
 * Annotate benchmark: how long writing the comments into a .docx takes.
 *   npm run bench annotate [copies]     e.g. npm run bench annotate 20
 * Prints, for the seed .docx (the GB/T 9704 export, three figures changed) and for a document of
 * `copies` seeds in a row: reading with the report reader, the check, and annotateDocx (cold, then
 * the fastest of a few warm runs), with the number of comments written.
 */
import { readFileSync } from 'node:fs';
import { checkText, parseLedger } from '../server/figures/index.ts';
import { parseReportFile } from '../server/report/index.ts';
import { annotateDocx } from '../server/review/index.ts';
import {
  addTable,
  changeInSentence,
  changeSplitRun,
  editPart,
  seedDocx,
  seedLedgerPath,
} from '../test/support/docx-review.ts';

const timed = async <T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

/** The seed's body repeated `copies` times in one document (a long report with every kind of run). */
function repeated(xml: string, copies: number): string {
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const end = xml.lastIndexOf('<w:sectPr');
  return xml.slice(0, start) + xml.slice(start, end).repeat(copies) + xml.slice(end);
}

async function measure(label: string, docx: Uint8Array): Promise<void> {
  const ledger = await parseLedger(readFileSync(seedLedgerPath), 'ganquan-2016.csv');
  const read = await timed(() => parseReportFile(docx, { fileName: 'x.docx' }));
  const check = await timed(() => checkText(read.value.text, ledger));
  const input = { docx, text: read.value.text, claims: check.value.claims };
  const cold = await timed(() => annotateDocx(input));
  let warm = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) warm = Math.min(warm, (await timed(() => annotateDocx(input))).ms);
  console.log(
    `${label}: ${(docx.length / 1024).toFixed(0)} KB, ${read.value.text.length} chars — read ${read.ms.toFixed(0)} ms, check ${check.ms.toFixed(0)} ms, annotate cold ${cold.ms.toFixed(0)} ms / warm ${warm.toFixed(0)} ms, ${cold.value.comments} comments`,
  );
}

/** Runs the annotate benchmark; `args[0]` is how many seeds the long document holds. */
export async function run(args: string[]): Promise<void> {
  const copies = Number(args[0] ?? 20) || 20;
  const edited = editPart(await seedDocx(), 'word/document.xml', (xml) =>
    addTable(changeSplitRun(changeInSentence(xml))),
  );
  await measure('seed .docx, three figures changed', edited);
  await measure(
    `${copies} seeds in one .docx`,
    editPart(edited, 'word/document.xml', (xml) => repeated(xml, copies)),
  );
}
