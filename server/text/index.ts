/** Text primitives below every reader: decoding bytes, normalising, spans, sentences, words, Traditional folding. */

export { binarySignature, decodeBytes, emptyInputError, isZip } from './decode.ts';
export { isBlank, normaliseText } from './normalise.ts';
export { bigrams, segment, words } from './segment.ts';
export { splitSentences } from './sentences.ts';
export type { Span } from './span.ts';
export { foldTraditional } from './traditional.ts';
export { xmlSafe } from './xml-safe.ts';
