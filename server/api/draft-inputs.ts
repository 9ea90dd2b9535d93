/** What a draft is built from: last year's report, this year's ledger and materials, read from the store or uploads. */

import type { Context } from 'hono';
import type { z } from 'zod';
import {
  type BuildInputs,
  type ledgerRecordSchema,
  loadDraftLedger,
  loadMaterialsInput,
  loadPreviousReport,
  type MaterialsSource,
} from '../draft/index.ts';
import type { Engine } from '../engine.ts';
import { GovdraftError } from '../errors.ts';
import { type FileInput, readUpload } from './upload.ts';

/** Where a draft's sources come from (the fields of the outline and whole-draft requests). */
export interface DraftSources {
  year: number;
  fromReportId?: string;
  fromYear?: number;
  from?: FileInput;
  ledger?: z.infer<typeof ledgerRecordSchema>[] | FileInput;
  materials?: MaterialsSource;
  org?: string;
}

/** The uploaded ledger file as the draft ledger loader takes it; its name tells the format. */
async function uploadedLedger(
  c: Context,
  ledger: DraftSources['ledger'],
): Promise<Parameters<typeof loadDraftLedger>[3]> {
  if (Array.isArray(ledger) || !ledger) return ledger;
  const file = await readUpload(c, ledger);
  if (!file.fileName) {
    throw new GovdraftError(
      'validation_failed',
      '请提供台账文件名(用于判断格式)',
      'ledger.fileName is required',
    );
  }
  return { fileName: file.fileName, bytes: file.bytes };
}

/** Reads what a draft is built from: the previous report, the ledger rows and the chosen materials. */
export async function draftInputs(engine: Engine, c: Context, body: DraftSources): Promise<BuildInputs> {
  const store = await engine.store();
  const from = body.from ? await readUpload(c, body.from) : undefined;
  const { report, stored } = await loadPreviousReport(
    store,
    {
      fromReportId: body.fromReportId,
      fromYear: body.fromYear,
      from: from && { fileName: from.fileName ?? '上年报告', bytes: from.bytes },
      org: body.org,
    },
    body.year,
    (file) => engine.uploads.parseReport(file),
  );
  const { records, source } = await loadDraftLedger(
    store,
    body.year,
    report.year ?? body.year - 1,
    await uploadedLedger(c, body.ledger),
    (file) => engine.uploads.parseLedger(file),
    body.org ?? report.org,
  );
  const materials = body.materials && (await loadMaterialsInput(store, report, body.year, body.materials));
  return {
    year: body.year,
    report,
    stored,
    ledger: records,
    ledgerSource: source,
    ...(materials ? { materials } : {}),
  };
}
