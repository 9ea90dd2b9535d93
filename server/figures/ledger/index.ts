/** Ledger import: the office's CSV, XLSX or JSON statistics (台账) into checked records. */

export { parseLedger } from './ledger.ts';
export type { OfficeDirectory, OfficeEntry } from './office-directory.ts';
export { officeDirectory } from './office-directory.ts';
export type { OfficeLedger } from './office-ledger.ts';
export { distinctOffices, officeLedger } from './office-ledger.ts';
