/** The retrieval eval's questions (evals/data/retrieval.tsv), shared by the eval, the benchmarks and tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RetrievalQuestion {
  question: string;
  /** A substring of exactly one chunk of the bundled seed report: the passage a good answer cites. */
  gold: string;
  /** The year filter the question is asked with, if any. */
  year?: number;
}

/** Every question of evals/data/retrieval.tsv, in file order. */
export function retrievalQuestions(): RetrievalQuestion[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'data', 'retrieval.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .slice(1)
    .map((line) => {
      const [question, gold, year] = line.split('\t');
      return { question, gold, ...(year?.trim() ? { year: Number(year) } : {}) };
    });
}
