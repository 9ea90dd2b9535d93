/** Drafting next year's summary: the draft document, the carry-forward engine, the guarded stylist, the workspace. */
export type { AuditEntry } from './audit.ts';
export type { BuildInputs } from './build.ts';
export { buildDraft, newDraftId } from './build.ts';
export { carryChecked, carryParagraph } from './carry-forward.ts';
export type { DraftSummary, FoundParagraph, ParagraphPlace } from './document/index.ts';
export {
  allParagraphs,
  draftSummary,
  findParagraph,
  mapParagraphs,
  pendingTotal,
  replaceParagraph,
} from './document/index.ts';
export { draftDocx } from './docx.ts';
export { guardFigures, guardJudge, guardPassed } from './guard.ts';
export type { InputFile, LedgerInput, ReportSource } from './inputs.ts';
export { loadDraftLedger, loadPreviousReport } from './inputs.ts';
export { loadMaterialsInput, type MaterialsSource } from './materials-input.ts';
export { metricSentence } from './new-metrics.ts';
export { normaliseDraft } from './normalise.ts';
export { draftAsReport, draftMarkdown, draftText } from './render.ts';
export { partMarker, renumberParts } from './renumber.ts';
export { draftSchema, ledgerRecordSchema } from './schema.ts';
export type { SectionDeps, SectionMode, SectionRequest } from './section.ts';
export { draftSection, paragraphNotFound } from './section.ts';
export type { PartTitle } from './titles.ts';
export { proposePartTitles } from './titles.ts';
export { type Appendix, traceAppendix, withAppendix } from './trace-appendix.ts';
export type * from './trace-types.ts';
export type * from './types.ts';
export { draftSchemaVersion, pathLabels } from './types.ts';
export type { DraftStats, WholeDeps, WholeDraft } from './whole.ts';
export { draftAudit, draftStats, draftWhole } from './whole.ts';
export type { Workspace } from './workspace.ts';
export { draftIdPattern, openWorkspace } from './workspace.ts';
export { moveYears } from './years.ts';
