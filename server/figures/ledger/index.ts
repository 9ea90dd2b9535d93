/** Ledger import: the office's CSV, XLSX or JSON statistics (台账) into checked records; which rows an office may use, and the offices a store holds. */

export { parseLedger } from './ledger.ts';
export type { OfficeDirectory, OfficeEntry } from './office-directory.ts';
export { officeDirectory } from './office-directory.ts';
export type { OfficeLedger } from './office-ledger.ts';
export { distinctOffices, officeLedger } from './office-ledger.ts';
