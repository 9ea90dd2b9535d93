/** Uploaded files parsed and checked in worker threads (bounded, with a deadline). */
export type { CheckInput, FileBytes } from './tasks.ts';
export { type CheckOutcome, createUploads, type Uploads, type UploadsOptions } from './uploads.ts';
