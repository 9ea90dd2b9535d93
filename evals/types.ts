/** One evaluation's outcome: a row of the table `npm run eval` prints. */
export interface EvalResult {
  /** Short name, e.g. "extraction (seed 2016)". */
  name: string;
  /** Measured figures, printed in order: recall, precision, MRR… */
  metrics: Record<string, number | string>;
  /** Whether the target for this eval is met. */
  pass: boolean;
  /** Optional lines printed under the table (misses, failures) to explain the figures. */
  details?: string[];
}

/** An eval module (`evals/eval-*.ts`) exports `run`, returning one or more rows. */
export type EvalModule = { run: () => Promise<EvalResult | EvalResult[]> };

/** A bench module (`evals/bench-*.ts`) exports `run`, which prints its own figures. */
export type BenchModule = { run: (args: string[]) => Promise<void> };
