/** Written numbers and units: reading 1.2万 or 一百五十四 with their precision, and writing values back. */
export { formatLike, formatValue, toChineseNumeral } from './format.ts';
export { gapAt, isChineseNumeralChar, isDigit, readNumeral } from './numeral.ts';
export type { ParsedQuantity, QuantityReading } from './quantity.ts';
export { parseQuantity, scanQuantity } from './quantity.ts';
export type { UnitInfo } from './units.ts';
export { countWords, levelKinds, normalizeUnit, unitsCompatible, writtenUnits } from './units.ts';
