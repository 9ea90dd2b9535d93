/**
 * Figure-hold benchmark: the cost of holding figures back in a model's stream until verified.
 *   npm run bench hold
 * Streams every paragraph of the seed report one character per chunk (the worst case: a model's
 * tokens are usually longer) through the hold with the drafting guard's judge (the paragraph as the
 * given text) and the chat grounding judge (the paragraph as the passage, the 2016 ledger), and
 * prints the CPU time per 1,000 characters and how far past a figure's end the stream had to run
 * before the figure was shown (the delay a reader sees, in characters). Chat answers cite [1] at the
 * end of each sentence, as the prompt asks a model to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groundingJudge } from '../server/chat/index.ts';
import { guardJudge } from '../server/draft/index.ts';
import { parseLedger } from '../server/figures/index.ts';
import { corpusDir } from '../server/paths.ts';
import { parseReportFile } from '../server/report/index.ts';
import { endsQuantity, type FigureJudge, release } from '../server/stream/index.ts';

/** Streams `text` one character at a time; returns CPU ms and, per shown figure, the characters it waited. */
function stream(text: string, judge: FigureJudge): { ms: number; waits: number[] } {
  const waits: number[] = [];
  const started = performance.now();
  let at = 0;
  let waiting = false;
  for (let n = 1; n <= text.length; n++) {
    // As holdFigures does: a waiting judge is asked again only after a boundary character.
    if (waiting && n < text.length && !endsQuantity(text[n - 1])) continue;
    const step = release(
      text.slice(0, n),
      at,
      (t, figure, done) => {
        const decision = judge(t, figure, done);
        if (decision === 'show') waits.push(n - figure.end);
        return decision;
      },
      n === text.length,
    );
    [at, waiting] = [step.to, step.waiting];
  }
  return { ms: performance.now() - started, waits };
}

const summary = (waits: number[]): string => {
  const sorted = [...waits].sort((a, b) => a - b);
  const mean = waits.reduce((s, w) => s + w, 0) / Math.max(1, waits.length);
  return `figures shown=${waits.length} · wait mean=${mean.toFixed(1)} chars · p90=${sorted[Math.floor(sorted.length * 0.9)] ?? 0} · max=${sorted.at(-1) ?? 0}`;
};

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const report = await parseReportFile(
    readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt')),
    { fileName: 'seed.txt' },
  );
  const ledger = await parseLedger(
    readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv')),
    'ganquan-2016.csv',
  );
  const paragraphs = report.parts.flatMap((p) => p.paragraphs.map((q) => q.text));
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  for (const [name, judgeOf] of [
    ['drafting guard', (p: string) => guardJudge(p)],
    ['chat grounding', (p: string) => groundingJudge([{ n: 1, text: p, year: 2016 }], ledger, 2016)],
  ] as const) {
    let ms = 0;
    const waits: number[] = [];
    for (const p of paragraphs) {
      // A chat model cites at the end of each sentence, as the prompt asks.
      const text = name === 'chat grounding' ? p.replace(/\u3002/g, '[1]\u3002') : p;
      const result = stream(text, judgeOf(p));
      ms += result.ms;
      waits.push(...result.waits);
    }
    console.log(
      `${name}: ${paragraphs.length} paragraphs, ${chars} chars streamed one per chunk · ${((ms / chars) * 1000).toFixed(0)} ms per 1,000 chars · ${summary(waits)}`,
    );
  }
}
