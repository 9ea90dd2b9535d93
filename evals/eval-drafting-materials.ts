/**
 * Drafting from this year's materials (issue 12, Done-when): the 2017 draft of the bundled 2016
 * report built offline from a set of 2017 materials with the sample 2017 ledger — for the demo's
 * materials and for a held-back set written for this eval only (evals/data/materials/heldback-2017).
 * Figures per set: the share of material sentences of work the draft uses, the share of the draft's
 * sentences with a 2017 source (a material or a 2017 ledger row), last year's sentences with no 2017
 * source marked 沿用上年·待更新 (target all), parts of last year's structure with a paragraph from the
 * materials (target all six), sentences with no source (target 0), and the draft's check (target 0 不符).
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

const sets = [
  { name: 'demo', dir: join(corpusDir, 'materials', '2017') },
  { name: 'held-back', dir: join(packageRoot, 'evals', 'data', 'materials', 'heldback-2017') },
];
const ledgerFiles = [
  join(corpusDir, 'ledgers', 'ganquan-2016.csv'),
  join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv'),
];
const reportPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');

const upload = (path: string) => ({
  fileName: path.split('/').pop() ?? path,
  contentBase64: readFileSync(path).toString('base64'),
});

/** Whether a sentence rests on something of 2017: a material, or a ledger row of 2017. */
const has2017 = (t: SentenceTrace): boolean =>
  t.sources.some((s) => s.kind === 'material' || (s.kind === 'ledger' && s.year === 2017));

/** Drafts 2017 from one set of materials in a fresh store and measures the draft. */
async function measure(set: (typeof sets)[number]): Promise<EvalResult> {
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
    await post('/api/reports', upload(reportPath));
    for (const file of ledgerFiles) await post('/api/ledger', upload(file));
    for (const name of readdirSync(set.dir).sort()) {
      await post('/api/materials', { ...upload(join(set.dir, name)), year: 2017 });
    }
    const started = performance.now();
    const { draft } = (await post('/api/draft', {
      year: 2017,
      fromYear: 2016,
      materials: {},
      mode: 'carry-forward',
    })) as { draft: Draft };
    const ms = performance.now() - started;
    const { content } = (await post('/api/draft/export', { draftId: draft.id, format: 'md' })) as {
      content: string;
    };
    const ledger = await parseLedger(readFileSync(ledgerFiles[1]), 'ganquan-2017-sample.csv');
    const check = checkText(content, ledger, { year: 2017 });

    const paragraphs = [...draft.preamble, ...draft.parts.flatMap((p) => p.paragraphs), ...draft.closing];
    const traces = paragraphs.flatMap((p) => p.trace ?? []);
    const sentences = traces.length;
    const untraced =
      paragraphs.filter((p) => !p.trace).length + traces.filter((t) => t.sources.length === 0).length;
    const with2017 = traces.filter(has2017).length;
    const unsupported = traces.filter(
      (t) => t.origin === 'carried' && !has2017(t) && !t.notes.includes('上年主题句'),
    );
    // Marked for the writer either way: 沿用上年·待更新, or 上年表述 when bound to last year's years.
    const marked = unsupported.filter((t) => countCarriedOver(t.text) + countYearBound(t.text) > 0);
    const files = draft.materials?.files ?? [];
    const used = files.reduce((n, f) => n + f.used, 0);
    const content2017 = files.reduce((n, f) => n + f.content, 0);
    const carriedParts = draft.parts.filter((p) => p.sourcePart !== null);
    const partsWithMaterial = carriedParts.filter((p) => p.paragraphs.some((q) => q.origin === 'materials'));
    const conflicts = draft.materials?.conflicts ?? [];
    const details = [
      ...carriedParts
        .filter((p) => !partsWithMaterial.includes(p))
        .map((p) => `${set.name}: part without material: ${p.marker}${p.title}`),
      ...unsupported.filter((t) => !marked.includes(t)).map((t) => `${set.name}: NOT MARKED: ${t.text}`),
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
        materials_used: content2017 ? used / content2017 : 0,
        used: `${used}/${content2017}`,
        sentences_2017: sentences ? with2017 / sentences : 0,
        with_2017_source: `${with2017}/${sentences}`,
        carry_overs_marked: `${marked.length}/${unsupported.length}`,
        parts_with_material: `${partsWithMaterial.length}/${carriedParts.length}`,
        untraced,
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
