/**
 * Chat eval: questions of our own over the bundled corpus and ledgers (evals/data/chat.tsv), answered
 * offline (no model) through the chat engine, conversations turn by turn. Targets (issue 5): numeric
 * answers exact with the right citation ≥ 95%; descriptive answers cite the gold paragraph ≥ 90%;
 * unanswerable questions said so 100%. Multi-turn conversations are scored on their last turn.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChatAnswer, ChatTurn } from '../server/chat/index.ts';
import { answerChat } from '../server/chat/index.ts';
import { ingestBundledCorpus } from '../server/corpus.ts';
import { createLexicalEmbedder, openStore } from '../server/store/index.ts';
import type { EvalResult } from './types.ts';

type Category = 'numeric' | 'descriptive' | 'multiturn' | 'unanswerable';

interface Case {
  category: Category;
  turns: string[];
  /** Substrings the answer must contain; empty with notFound. */
  expect: string[];
  notFound: boolean;
  /** Ledger rows (file, row) the answer's figures must cite. */
  ledger: { file: string; row: number }[];
  /** A substring of the paragraph some citation must quote ('' for none). */
  passage: string;
}

const targets: Record<Category, number> = {
  numeric: 0.95,
  descriptive: 0.9,
  unanswerable: 1,
  multiturn: 0.8,
};

function loadCases(): Case[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'data', 'chat.tsv');
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  return lines.slice(1).map((line) => {
    const [category, conversation, expect = '', ledger = '', passage = ''] = line.split('\t');
    return {
      category: category as Category,
      turns: conversation.split(' ‖ ').map((t) => t.trim()),
      expect: expect === 'not_found' ? [] : expect.split('|').filter(Boolean),
      notFound: expect === 'not_found',
      ledger: ledger
        .split(',')
        .filter(Boolean)
        .map((ref) => {
          const [file, row] = ref.split(':');
          return { file, row: Number(row) };
        }),
      passage: passage.trim(),
    };
  });
}

/** Why an answer misses its case, or null when it is right. */
function miss(c: Case, a: ChatAnswer): string | null {
  if (c.notFound) {
    return a.mode === 'not_found' && a.answer.startsWith('语料中没有找到') ? null : `not said: ${a.mode}`;
  }
  if (a.mode === 'not_found') return 'answered not found';
  const absent = c.expect.filter((s) => !a.answer.includes(s));
  if (absent.length > 0) return `missing ${absent.join(', ')}`;
  const sources = a.figures.filter((f) => f.grounded).map((f) => f.source ?? '');
  const uncited = c.ledger.filter(({ file, row }) => sources.every((s) => !s.includes(`${file} 第${row}行`)));
  if (uncited.length > 0)
    return `ledger row not cited: ${uncited.map((r) => `${r.file}:${r.row}`).join(', ')}`;
  if (c.passage && !a.citations.some((cite) => cite.text.includes(c.passage)))
    return 'gold paragraph not cited';
  return null;
}

/** Runs every conversation offline against a fresh store with the bundled corpus. */
export async function run(): Promise<EvalResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-eval-chat-'));
  const store = await openStore({ dataDir, embedder: createLexicalEmbedder() });
  try {
    await ingestBundledCorpus(store);
    const cases = loadCases();
    const tally = new Map<Category, { right: number; total: number }>();
    const details: string[] = [];
    const times: number[] = [];
    for (const c of cases) {
      const messages: ChatTurn[] = [];
      let answer: ChatAnswer | null = null;
      for (const turn of c.turns) {
        messages.push({ role: 'user', content: turn });
        const started = performance.now();
        answer = await answerChat(store, null, { messages: [...messages] });
        times.push(performance.now() - started);
        messages.push({ role: 'assistant', content: answer.answer });
      }
      if (!answer) continue;
      const why = miss(c, answer);
      const t = tally.get(c.category) ?? { right: 0, total: 0 };
      t.total++;
      if (!why) t.right++;
      tally.set(c.category, t);
      if (why) {
        details.push(
          `${c.category}: ${c.turns.join(' ‖ ')} → ${why}; answer: ${answer.answer.replace(/\n/g, ' ').slice(0, 120)}`,
        );
      }
    }
    const rate = (k: Category): number => {
      const t = tally.get(k);
      return t && t.total > 0 ? t.right / t.total : 0;
    };
    const count = (k: Category): number => tally.get(k)?.total ?? 0;
    times.sort((a, b) => a - b);
    const metrics: Record<string, number | string> = {
      questions: cases.length,
      numeric: `${rate('numeric').toFixed(3)} (${count('numeric')})`,
      descriptive: `${rate('descriptive').toFixed(3)} (${count('descriptive')})`,
      multiturn: `${rate('multiturn').toFixed(3)} (${count('multiturn')})`,
      unanswerable: `${rate('unanswerable').toFixed(3)} (${count('unanswerable')})`,
      'p50 ms': Math.round(times[Math.floor(times.length / 2)] ?? 0),
    };
    const enough =
      count('numeric') >= 20 &&
      count('descriptive') >= 10 &&
      count('multiturn') >= 5 &&
      count('unanswerable') >= 5;
    const pass = enough && (Object.keys(targets) as Category[]).every((k) => rate(k) >= targets[k]);
    return { name: 'chat (bundled corpus, offline)', metrics, pass, details };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
