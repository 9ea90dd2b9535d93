/** Domain types of the figures engine: quantities, claims, ledger records, verdicts. */

export type ClaimKind =
  | 'count'
  | 'amount'
  | 'area'
  | 'length'
  | 'weight'
  | 'volume'
  | 'power'
  | 'energy'
  | 'concentration'
  | 'percent'
  | 'yoy'
  | 'pp'
  | 'delta'
  | 'rank'
  | 'duration';

/**
 * How the writer bounded the figure, as written: 余/多 (more than, within the next unit), 约/左右/近
 * (about), 超过/逾/以上 (more than), 不到/以内/以下 (less than), 达/达到 (exactly), '' (plain).
 * Combined forms keep their order (约8.5万余 → 约余).
 */
export type Qualifier = string;

/** A parsed quantity: the value in base units with the interval its written form allows. */
export interface Quantity {
  /** Value in base units (139.76万元 → 1397600). */
  value: number;
  /** Canonical unit (元, 平方米, 人次, %, 个百分点 …). */
  unit: string;
  /** Lowest and highest true values consistent with the written form, precision and qualifier. */
  low: number;
  high: number;
  qualifier: Qualifier;
}

/** One checkable figure found in a text. */
export interface Claim extends Quantity {
  /** Span of the figure in the checked text (offsets in UTF-16 code units). */
  start: number;
  end: number;
  /** The exact substring text.slice(start, end), e.g. 139.76万元, 下降34%. */
  text: string;
  kind: ClaimKind;
  /** What is counted, e.g. 拆除违法建筑; shared by claims of one sentence. */
  subject: string;
  /** Span of the sentence holding the claim. */
  sentenceStart: number;
  sentenceEnd: number;
}

/** One row of the office's statistics ledger (台账). */
export interface LedgerRecord {
  year: number;
  metric: string;
  /** Value in base units of `unit`. */
  value: number;
  /** Canonical unit. */
  unit: string;
  /** 口径说明: definition notes; used for matching too. */
  note: string;
  /** Where the row came from: file name and 1-based row number. */
  source: { file: string; row: number };
  /** The office the row belongs to (单位 column or given at import); absent when the ledger names none. */
  org?: string;
}

export type Verdict = 'supported' | 'contradicted' | 'unverified';

/** A claim with its verdict — the shape of one element of `claims` in `govdraft check --json`. */
export interface CheckedClaim {
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  kind: ClaimKind;
  qualifier: Qualifier;
  /** The ledger metric the claim was matched to, or null. */
  metric: string | null;
  verdict: Verdict;
  /** The value the ledger (or derivation) expects, in base units; null when unknown. */
  expected: number | null;
  /** Human-readable source of the expectation, e.g. "ganquan-2016.csv 第12行 拆除违法建筑处数". */
  source: string | null;
  /** Why this verdict, in Chinese. */
  explanation: string;
  /** Ledger metrics that matched equally well, when the match was ambiguous. */
  candidates?: string[];
  /** Set when the figure cannot be true on its face (a share over 100%): its own kind of finding. */
  implausible?: true;
}

export interface CheckSummary {
  supported: number;
  contradicted: number;
  unverified: number;
  /** How many figures cannot be true on their face; present only when some are. */
  implausible?: number;
}

/** The result of checking one text — one JSON line of `govdraft check --json` (plus `file`). */
export interface CheckResult {
  claims: CheckedClaim[];
  summary: CheckSummary;
}
