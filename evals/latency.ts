/** Latency measurement shared by the benchmarks: percentiles, and variants timed side by side. */

/** The p-th percentile (nearest rank) of `values`, in their unit. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Latencies (ms) of `ask` over every query, `rounds` times, after a short warm-up. */
export async function latencies(
  queries: string[],
  ask: (q: string) => Promise<unknown>,
  rounds: number,
): Promise<number[]> {
  return (await sideBySide({ ask }, queries, rounds)).ask;
}

/**
 * Latencies (ms) of each variant over the same queries, `rounds` times after a warm-up, interleaved
 * query by query: on a shared machine the load changes by the second, and interleaving lets every
 * variant meet the same load.
 */
export async function sideBySide<K extends string>(
  variants: Record<K, (q: string) => Promise<unknown>>,
  queries: string[],
  rounds: number,
): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const out = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (const q of queries.slice(0, 5)) for (const name of names) await variants[name](q);
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      for (const name of names) {
        const started = performance.now();
        await variants[name](q);
        out[name].push(performance.now() - started);
      }
    }
  }
  return out;
}

/** "p50 / p95 ms" of latencies. */
export const p50p95 = (values: number[]): string =>
  `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)} ms`;
