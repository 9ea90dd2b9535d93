/** The figures engine: Chinese quantities, claims, ledger matching and verdicts — no model involved. */

export type { CheckOptions } from './check/index.ts';
export { checkText, rateParts, resolveYear } from './check/index.ts';
export type { ExtractedClaim } from './claims/index.ts';
export { extractClaims, quotedNames, reportYear } from './claims/index.ts';
export type { OfficeDirectory, OfficeEntry, OfficeLedger } from './ledger/index.ts';
export { distinctOffices, officeDirectory, officeLedger, parseLedger } from './ledger/index.ts';
export type {
  FigureQuery,
  LedgerIndex,
  MatchDecision,
  MatchQuery,
  MatchResult,
  ScoredMetric,
} from './lookup/index.ts';
export {
  ambiguityMargin,
  aspectOf,
  baseWords,
  changeKindOf,
  changeOf,
  decideRecord,
  difference,
  exact,
  fromRecord,
  holds,
  implausibleIn,
  indexLedger,
  ledgerWarnings,
  levelRecord,
  matchMetric,
  ratio,
  sameSeries,
  sourceOf,
} from './lookup/index.ts';
export type { ParsedQuantity, QuantityReading, UnitInfo } from './quantities/index.ts';
export {
  countWords,
  formatLike,
  formatValue,
  isChineseNumeralChar,
  isDigit,
  normalizeUnit,
  parseQuantity,
  readNumeral,
  scanQuantity,
  toChineseNumeral,
  unitsCompatible,
  writtenUnits,
} from './quantities/index.ts';
export type {
  CheckedClaim,
  CheckResult,
  CheckSummary,
  Claim,
  ClaimKind,
  LedgerRecord,
  Qualifier,
  Quantity,
  Verdict,
} from './types.ts';
