/** The figures engine: Chinese quantities, claims, ledger matching and verdicts — no model involved. */

export type { CheckOptions } from './check.ts';
export { checkText, resolveYear } from './check.ts';
export type { ExtractedClaim } from './claims.ts';
export { extractClaims } from './claims.ts';
export { formatLike, formatValue, toChineseNumeral } from './format.ts';
export type { LedgerIndex, MatchQuery, MatchResult, ScoredMetric } from './match.ts';
export { indexLedger, matchMetric } from './match.ts';
export type { ParsedQuantity, QuantityReading } from './quantity.ts';
export { parseQuantity, scanQuantity } from './quantity.ts';
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
export type { UnitInfo } from './units.ts';
export { normalizeUnit, unitsCompatible } from './units.ts';
export { reportYear } from './year.ts';
