/** Zip packages (.docx, .xlsx) bounded before a library expands them. */
export { type EntryWatcher, inspectZip, type ZipCensus, type ZipKind, type ZipLimits } from './inspect.ts';
