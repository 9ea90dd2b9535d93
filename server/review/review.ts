/**
 * A check seen by a reviewer: what changed since the last check of the same document, the writer's
 * .docx with a comment on each finding, and the findings table — from one check's result.
 */
import type { CheckedClaim } from '../figures/index.ts';
import type { Report, SourceFormat } from '../report/index.ts';
import { parseReportFile } from '../report/index.ts';
import { annotateDocx } from './annotate-on-demand.ts';
import { type Changes, compareFindings, findingKeys, rememberFindings } from './changes.ts';
import { findingRows } from './findings.ts';
import { type FindingsFormat, findingsFile } from './findings-file.ts';
import { openReviewHistory } from './history.ts';

/** One checked document and what the reviewer asked for. */
export interface ReviewRequest {
  dataDir: string;
  /** The checked document, parsed; `text` is the text the check saw. */
  report: Report;
  text: string;
  claims: readonly CheckedClaim[];
  /** The uploaded file, when the document came as one. */
  file: { fileName: string; bytes: Uint8Array; format: SourceFormat } | null;
  annotate: boolean;
  table: FindingsFormat | null;
  /** Checks another text with the same ledger and year (the .docx made from a .txt or .md). */
  recheck: (text: string) => CheckedClaim[];
  now?: Date;
}

/** A file in an answer. */
export interface AnswerFile {
  fileName: string;
  contentBase64: string;
}

/** What a review adds to a check's answer. */
export interface ReviewAnswer {
  /** null for the first check of a document. */
  changes: Changes | null;
  annotated: (AnswerFile & { comments: number; unplaced: string[] }) | null;
  table: (AnswerFile & { format: FindingsFormat }) | null;
  /** false when the data dir could not be written (the answer is whole all the same). */
  remembered: boolean;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const day = (iso: string): string => iso.slice(0, 10);
const stem = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/** The .docx to annotate with its text and claims: the upload itself, or the GB/T 9704 export of a text. */
async function docxToAnnotate(request: ReviewRequest) {
  if (request.file?.format === 'docx')
    return { bytes: request.file.bytes, text: request.text, claims: request.claims };
  // The drafting module (and the docx package) is loaded only when a text must become a .docx.
  const { draftDocx } = await import('../draft/index.ts');
  const bytes = await draftDocx(request.report);
  const text = (await parseReportFile(bytes, { fileName: 'export.docx' })).text;
  return { bytes, text, claims: request.recheck(text) };
}

/**
 * Reviews one check: compares it with the document's last check, annotates the .docx and writes
 * the findings table when asked, then remembers this check.
 */
export async function reviewCheck(request: ReviewRequest): Promise<ReviewAnswer> {
  const history = openReviewHistory(request.dataDir);
  const { report } = request;
  const identity = { title: report.title, org: report.org, year: report.year };
  const previous = await history.last(identity);
  const findings = rememberFindings(request.text, request.claims);
  const keys = findingKeys(request.text, request.claims);
  const now = new Map(request.claims.map((c, i) => [keys[i], { text: c.text, verdict: c.verdict }]));
  const changes = previous ? compareFindings(previous, findings, now) : null;
  const raised = new Set(previous?.findings.map((f) => f.key));
  const since = previous ? day(previous.checkedAt) : null;
  const raisedIn = (text: string, claims: readonly CheckedClaim[]) => {
    const byClaim = new Map(findingKeys(text, claims).map((k, i) => [claims[i], k]));
    return (claim: CheckedClaim): string | null => (raised.has(byClaim.get(claim) ?? '') ? since : null);
  };
  let annotated: ReviewAnswer['annotated'] = null;
  if (request.annotate) {
    const source = await docxToAnnotate(request);
    const result = await annotateDocx({
      docx: source.bytes,
      text: source.text,
      claims: source.claims,
      raisedBefore: raisedIn(source.text, source.claims),
      date: request.now,
    });
    annotated = {
      fileName: `${stem(request.file?.fileName ?? report.title) || 'document'}.\u6838\u67E5.docx`,
      contentBase64: base64(result.docx),
      comments: result.comments,
      unplaced: result.unplaced.map((c) => c.text),
    };
  }
  let table: ReviewAnswer['table'] = null;
  if (request.table) {
    const raisedHere = raisedIn(request.text, request.claims);
    const status = (c: CheckedClaim): string | null =>
      previous ? (raisedHere(c) ? '\u4E0A\u6B21\u5DF2\u6307\u51FA' : '\u65B0\u53D1\u73B0') : null;
    const rows = findingRows(request.text, request.claims, report, status);
    const bytes = await findingsFile(rows, request.table);
    table = {
      format: request.table,
      fileName: `${stem(request.file?.fileName ?? report.title) || 'document'}.\u6838\u67E5.${request.table}`,
      contentBase64: base64(bytes),
    };
  }
  const checkedAt = (request.now ?? new Date()).toISOString();
  const remembered = await history.remember(identity, {
    checkedAt,
    file: request.file?.fileName ?? null,
    findings,
  });
  return { changes, annotated, table, remembered };
}
