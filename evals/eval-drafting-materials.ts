/**
 * Drafting from this year's materials (issue 12, Done-when): a year's draft of last year's report built
 * offline from a set of that year's materials with the office's ledger — the demo's 2017 materials and
 * a held-back 2017 set for the bundled 甘泉路街道 report, and a held-back 2024 set for another office of
 * the dev set (syn-jd-linhai-2023), all written for this eval only (evals/data/materials, see its README).
 * Figures per set: the share of material sentences of work the draft uses, the share of the draft's
 * sentences with a source of the year (a material or a ledger row of the year), last year's sentences
 * with none marked 沿用上年·待更新 or 上年表述 (target all), parts of last year's structure with a
 * paragraph from the materials (target all), sentences with no source (target 0), and the draft's
 * check (target 0 不符).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Draft, SentenceTrace } from '../server/draft/index.ts';
import { checkText, parseLedger } from '../server/figures/index.ts';
import { countCarriedOver, countYearBound } from '../server/marks/index.ts';
import { corpusDir, packageRoot } from '../server/paths.ts';
import type { EvalResult } from './types.ts';

/** A set of materials: the report drafted from, the office's ledgers (last year's, then this year's), the years. */
interface MaterialSet {
  name: string;
  dir: string;
  report: string;
  ledgers: [string, string];
  year: number;
}

const ganquan = {
  report: join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'),
  ledgers: [
    join(corpusDir, 'ledgers', 'ganquan-2016.csv'),
    join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv'),
  ],
  year: 2017,
} as const;
const linhai = join(packageRoot, 'evals', 'data', 'documents', 'syn-jd-linhai-2023');
const materialsDir = join(packageRoot, 'evals', 'data', 'materials');

const sets: MaterialSet[] = [
  { name: 'demo', dir: join(corpusDir, 'materials', '2017'), ...ganquan, ledgers: [...ganquan.ledgers] },
  { name: 'held-back', dir: join(materialsDir, 'heldback-2017'), ...ganquan, ledgers: [...ganquan.ledgers] },
  // Another office of the dev set, its 2024 materials written after the engine (issue 12, trust on unseen material).
  {
    name: 'linhai-2024',
    dir: join(materialsDir, 'heldback-linhai-2024'),
    report: join(linhai, 'source.txt'),
    ledgers: [join(linhai, 'ledger.csv'), join(linhai, 'next-ledger.csv')],
    year: 2024,
  },
];

const upload = (path: string) => ({
  fileName: path.split('/').pop() ?? path,
  contentBase64: readFileSync(path).toString('base64'),
});

/** Whether a sentence rests on something of `year`: a material, or a ledger row of that year. */
const hasThisYear = (t: SentenceTrace, year: number): boolean =>
  t.sources.some((s) => s.kind === 'material' || (s.kind === 'ledger' && s.year === year));

/** Ledger metrics two sentences of one paragraph state with the same value (the same thing said twice). */
function statedTwice(p: Draft['parts'][number]['paragraphs'][number]): string[] {
  const sentences = new Map<string, Set<number>>();
  for (const f of p.figures) {
    if (!f.metric || f.status === 'pending') continue;
    const at = (p.trace ?? []).findIndex((t) => f.start >= t.start && f.end <= t.end);
    const key = `${f.metric}=${f.value}`;
    sentences.set(key, (sentences.get(key) ?? new Set()).add(at));
  }
  return [...sentences].filter(([, s]) => s.size > 1).map(([key]) => key);
}

/** Drafts the set's year from one set of materials in a fresh store and measures the draft. */
async function measure(set: MaterialSet): Promise<EvalResult> {
  const fromThisYear = (t: SentenceTrace) => hasThisYear(t, set.year);
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-eval-materials-'));
  try {
    const app = createApp(loadConfig({ dataDir }, {}));
    const post = async (path: string, body: unknown) => {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 400) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    await post('/api/reports', upload(set.report));
    for (const file of set.ledgers) await post('/api/ledger', upload(file));
    for (const name of readdirSync(set.dir).sort()) {
      await post('/api/materials', { ...upload(join(set.dir, name)), year: set.year });
    }
    const started = performance.now();
    const { draft } = (await post('/api/draft', {
      year: set.year,
      fromYear: set.year - 1,
      materials: {},
      mode: 'carry-forward',
    })) as { draft: Draft };
    const ms = performance.now() - started;
    const { content } = (await post('/api/draft/export', { draftId: draft.id, format: 'md' })) as {
      content: string;
    };
    const ledger = await parseLedger(readFileSync(set.ledgers[1]), set.ledgers[1]);
    const check = checkText(content, ledger, { year: set.year });

    const paragraphs = [...draft.preamble, ...draft.parts.flatMap((p) => p.paragraphs), ...draft.closing];
    const traces = paragraphs.flatMap((p) => p.trace ?? []);
    const sentences = traces.length;
    const twice = paragraphs.flatMap(statedTwice);
    const untraced =
      paragraphs.filter((p) => !p.trace).length + traces.filter((t) => t.sources.length === 0).length;
    const withThisYear = traces.filter(fromThisYear).length;
    const unsupported = traces.filter(
      (t) => t.origin === 'carried' && !fromThisYear(t) && !t.notes.includes('上年主题句'),
    );
    // Marked for the writer either way: 沿用上年·待更新, or 上年表述 when bound to last year's years.
    const marked = unsupported.filter((t) => countCarriedOver(t.text) + countYearBound(t.text) > 0);
    const files = draft.materials?.files ?? [];
    const used = files.reduce((n, f) => n + f.used, 0);
    const contentThisYear = files.reduce((n, f) => n + f.content, 0);
    const carriedParts = draft.parts.filter((p) => p.sourcePart !== null);
    const partsWithMaterial = carriedParts.filter((p) => p.paragraphs.some((q) => q.origin === 'materials'));
    const conflicts = draft.materials?.conflicts ?? [];
    const details = [
      ...carriedParts
        .filter((p) => !partsWithMaterial.includes(p))
        .map((p) => `${set.name}: part without material: ${p.marker}${p.title}`),
      ...unsupported.filter((t) => !marked.includes(t)).map((t) => `${set.name}: NOT MARKED: ${t.text}`),
      ...twice.map((m) => `${set.name}: one paragraph states ${m} twice`),
      ...conflicts.map(
        (c) => `${set.name}: material figure ${c.figure} vs ledger ${c.ledger ?? '?'} — ${c.action}`,
      ),
      ...(draft.materials?.unused ?? []).map((u) => `${set.name}: unused (${u.reason}): ${u.text}`),
      ...draft.parts
        .filter((p) => p.candidate)
        .map((p) => `${set.name}: candidate part with ${p.paragraphs.length} paragraph(s)`),
      ...check.claims
        .filter((c) => c.verdict === 'contradicted')
        .map((c) => `${set.name}: contradicted ${c.text} — ${c.explanation}`),
    ];
    return {
      name: `drafting from materials (${set.name}, ${files.length} files)`,
      metrics: {
        ms: Math.round(ms),
        materials_used: contentThisYear ? used / contentThisYear : 0,
        used: `${used}/${contentThisYear}`,
        sentences_this_year: sentences ? withThisYear / sentences : 0,
        with_this_year_source: `${withThisYear}/${sentences}`,
        carry_overs_marked: `${marked.length}/${unsupported.length}`,
        parts_with_material: `${partsWithMaterial.length}/${carriedParts.length}`,
        untraced,
        said_twice: twice.length,
        conflicts: conflicts.length,
        supported: check.summary.supported,
        contradicted: check.summary.contradicted,
        unverified: check.summary.unverified,
      },
      pass:
        check.summary.contradicted === 0 &&
        untraced === 0 &&
        marked.length === unsupported.length &&
        partsWithMaterial.length === carriedParts.length &&
        carriedParts.length > 0,
      details,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the eval for every set of materials. */
export async function run(): Promise<EvalResult[]> {
  const results: EvalResult[] = [];
  for (const set of sets) results.push(await measure(set));
  return results;
}
