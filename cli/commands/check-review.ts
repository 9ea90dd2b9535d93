import { extname } from 'node:path';
import { GovdraftError } from '../../server/errors.ts';
import type { ReviewAnswer } from '../../server/review/index.ts';
import { info, out } from '../output.ts';
import { writeOutputFile } from '../services/output-file.ts';

/** The findings table's format from its file name; throws for anything but .xlsx or .csv. */
export function tableFormatOf(path: string): 'xlsx' | 'csv' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext === '.xlsx' ? 'xlsx' : 'csv';
  throw new GovdraftError(
    'bad_request',
    `\u6838\u67E5\u8868\u53EA\u80FD\u5199\u6210 .xlsx \u6216 .csv\uFF1A${path}`,
    `--report must name a .xlsx or .csv file: ${path}`,
  );
}

/** Writes the annotated .docx and the findings table the answer holds; returns what was written. */
export async function writeReviewFiles(
  review: Pick<ReviewAnswer, 'annotated' | 'table'>,
  paths: { annotated: string | null; table: string | null },
): Promise<{ annotated: string | null; table: string | null }> {
  const written = { annotated: null as string | null, table: null as string | null };
  if (review.annotated && paths.annotated) {
    await writeOutputFile(paths.annotated, Buffer.from(review.annotated.contentBase64, 'base64'));
    written.annotated = paths.annotated;
  }
  if (review.table && paths.table) {
    await writeOutputFile(paths.table, Buffer.from(review.table.contentBase64, 'base64'));
    written.table = paths.table;
  }
  return written;
}

/** Prints what the files hold and what changed since the last check of the document. */
export function printReview(
  review: ReviewAnswer,
  written: { annotated: string | null; table: string | null },
): void {
  if (written.annotated && review.annotated) {
    info(
      `\u5DF2\u5199\u51FA\u6279\u6CE8\u7248 ${written.annotated}\uFF08${review.annotated.comments} \u6761\u6279\u6CE8\uFF09`,
    );
    if (review.annotated.unplaced.length > 0)
      info(
        `  ${review.annotated.unplaced.length} \u5904\u95EE\u9898\u672A\u80FD\u5728\u6587\u6863\u4E2D\u5B9A\u4F4D\uFF0C\u672A\u52A0\u6279\u6CE8\uFF1A${review.annotated.unplaced.join('\u3001')}`,
      );
  }
  if (written.table) info(`\u5DF2\u5199\u51FA\u6838\u67E5\u8868 ${written.table}`);
  const changes = review.changes;
  if (!changes) return;
  const { fixed, open, new: added } = changes.summary;
  out(
    `\u4E0E\u4E0A\u6B21\u6838\u67E5\uFF08${changes.since.slice(0, 10)}\uFF09\u76F8\u6BD4\uFF1A\u5DF2\u6539\u6B63 ${fixed} \u5904 \u00B7 \u4ECD\u672A\u6539\u6B63 ${open} \u5904 \u00B7 \u65B0\u53D1\u73B0 ${added} \u5904`,
  );
  for (const f of changes.fixed)
    out(
      `  \u2713 \u5DF2\u6539\u6B63 \u201C${f.text}\u201D${f.now ? ` \u2192 \u201C${f.now.text}\u201D` : ''}`,
    );
  for (const f of changes.open) out(`  \u2717 \u4ECD\u672A\u6539\u6B63 \u201C${f.text}\u201D`);
  for (const f of changes.new) out(`  + \u65B0\u53D1\u73B0 \u201C${f.text}\u201D`);
}
