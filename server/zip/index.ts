/** Zip packages (.docx, .xlsx) bounded before a library expands them. */
export {
  checkCensus,
  type EntryWatcher,
  inspectZip,
  isXml,
  type ZipCensus,
  type ZipKind,
  type ZipLimits,
} from './inspect.ts';
