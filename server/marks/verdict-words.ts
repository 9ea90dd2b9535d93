/**
 * The one Chinese word for each verdict, in the CLI, the terminal UI, the web page, Word comments
 * and the README: 相符, 不符, 无法核对. 【待核实】 is not among them: it is the draft's marker for a
 * figure with no value this year (see pending.ts), a to-do rather than a finding.
 */
import type { Verdict } from '../figures/index.ts';

/** The verdicts as people read them. */
export const verdictWord: Readonly<Record<Verdict, string>> = {
  supported: '\u76F8\u7B26',
  contradicted: '\u4E0D\u7B26',
  unverified: '\u65E0\u6CD5\u6838\u5BF9',
};
