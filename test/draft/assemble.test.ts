import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { allParagraphs } from '../../server/draft/document/walk.ts';
import { draftMarkdown } from '../../server/draft/render.ts';
import type { Draft } from '../../server/draft/types.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { checkText, parseLedger } from '../../server/figures/index.ts';
import { countCarriedOver, countYearBound } from '../../server/marks/index.ts';
import { materialChunks } from '../../server/materials/index.ts';
import { packageRoot } from '../../server/paths.ts';
import type { Report } from '../../server/report/index.ts';
import { parseReportText } from '../../server/report/index.ts';
import type { MaterialChunk } from '../../server/store/index.ts';
import { ledgers, report2016 } from './corpus.ts';
import { draftFromMaterials, materialsOf } from './materials-corpus.ts';

const addedAt = '2018-01-05T00:00:00.000Z';

/** A small material written for a test. */
function material(text: string, department: string, fileName: string): MaterialChunk[] {
  return materialChunks(parseReportText(text, { fileName }), { year: 2017, department, addedAt });
}

const build = draftFromMaterials;

describe('the 2017 draft assembled from the demo materials', () => {
  let draft: Draft;
  let ledger: LedgerRecord[];

  beforeAll(async () => {
    ledger = (await ledgers()).both;
    draft = build(await report2016(), ledger, await materialsOf());
  });

  it('gives every part of last year’s structure at least one paragraph built from 2017 materials', () => {
    const carried = draft.parts.filter((part) => part.sourcePart !== null);
    expect(carried).toHaveLength(6);
    for (const part of carried) {
      expect(
        part.paragraphs.some((p) => p.origin === 'materials'),
        part.title,
      ).toBe(true);
    }
  });

  it('traces every sentence to a source: a material, last year’s paragraph or the ledger', () => {
    for (const p of allParagraphs(draft)) {
      expect(p.trace, p.id).toBeDefined();
      const covered = (p.trace ?? []).reduce((n, t) => n + (t.end - t.start), 0);
      expect(covered, p.id).toBe(p.text.length);
      for (const t of p.trace ?? []) {
        expect(t.sources.length, t.text).toBeGreaterThan(0);
        expect(p.text.slice(t.start, t.end)).toBe(t.text);
      }
    }
  });

  it('marks last year’s events no material supports as 沿用上年·待更新', () => {
    const md = draftMarkdown(draft);
    expect(md).toContain('〖沿用上年·待更新：完成甘泉快捷照护站');
    // A sentence bound to its years is marked 〖上年表述：…〗 by carry-forward; assembly does not mark it twice.
    expect(md).toMatch(/〖上年表述：深化计生服务特色品牌项目,街道荣获2011-2015年/);
    expect(md).not.toMatch(/〖沿用上年·待更新：〖上年表述/);
    for (const p of allParagraphs(draft).filter((p) => p !== draft.partsIntro)) {
      for (const t of p.trace ?? []) {
        const unsupported =
          t.origin === 'carried' &&
          !t.notes.includes('上年主题句') &&
          !t.sources.some((s) => s.kind === 'ledger');
        // One mark for the writer: 沿用上年·待更新, or 上年表述 when the sentence is bound to last year's years.
        if (unsupported) expect(countCarriedOver(t.text) + countYearBound(t.text), t.text).toBe(1);
      }
    }
  });

  it('replaces last year’s sentence with this year’s material on the same topic', () => {
    const md = draftMarkdown(draft);
    expect(md).toContain('全年服务3620次');
    expect(md).not.toContain('全年服务3400余次');
  });

  it('keeps a material paragraph together: every 信访 sentence in last year’s 信访 paragraph, in the material’s order', () => {
    const petitions = allParagraphs(draft).filter((p) =>
      (p.trace ?? []).some((t) => t.origin === 'material' && t.text.includes('信访')),
    );
    expect(petitions.map((p) => p.sourceText?.includes('信访量'))).toEqual([true]);
    const sentences = (petitions[0].trace ?? []).filter((t) => t.origin === 'material').map((t) => t.text);
    const total = sentences.findIndex((t) => t.startsWith('全年信访总量374件'));
    expect(sentences[total + 1]).toMatch(/^落实领导干部信访接待日制度/);
  });

  it('places no material sentence in a new paragraph when a sentence of its material paragraph joined last year’s', () => {
    const joined = new Map<string, string>();
    const fresh: string[] = [];
    for (const p of allParagraphs(draft))
      for (const t of p.trace ?? []) {
        // The sentence's own material (near-duplicates folded into it follow as further sources).
        const own = t.sources.find((s) => s.kind === 'material');
        if (own?.kind !== 'material') continue;
        const key = `${own.materialId}:${own.paragraph}`;
        if (p.sourceParagraph === null) fresh.push(key);
        else joined.set(key, p.id);
      }
    expect(fresh.filter((key) => joined.has(key)).map((k) => [k, joined.get(k)])).toEqual([]);
  });

  it('writes in the street’s voice: no department speaks in the first person', () => {
    const text = allParagraphs(draft)
      .filter((p) => p.origin === 'materials')
      .map((p) => p.text)
      .join('\n');
    expect(text).not.toMatch(/我科|本科室|我办|本办|我们|本中心|我中心|本居委|我居委/);
  });

  it('passes the draft’s check with no contradiction', () => {
    expect(checkText(draftMarkdown(draft), ledger, { year: 2017 }).summary.contradicted).toBe(0);
  });

  it('leaves out what the materials plan for later years, and says why', () => {
    expect(draftMarkdown(draft)).not.toContain('2018年');
    expect(draft.materials?.unused.map((u) => u.reason)).toContain('说的是以后的打算，不是今年做了什么');
  });

  it('counts the materials’ sentences used, file by file', () => {
    const files = draft.materials?.files ?? [];
    expect(files).toHaveLength(9);
    const used = files.reduce((n, f) => n + f.used, 0);
    const content = files.reduce((n, f) => n + f.content, 0);
    expect(used / content).toBeGreaterThan(0.9);
  });
});

describe('material that does not fit, repeats, or contradicts the ledger', () => {
  let report: Report;
  let ledger: LedgerRecord[];

  beforeAll(async () => {
    report = await report2016();
    ledger = (await ledgers()).both;
  });

  it('writes the ledger’s value over a material figure the ledger contradicts, and records the conflict', () => {
    const chunks = material(
      '社区管理办公室2017年工作总结\n\n一、拆违\n\n我办全年拆除违法建筑130处，拆违工作圆满完成。',
      '社区管理办公室',
      '管理办.txt',
    );
    const draft = build(report, ledger, chunks);
    const md = draftMarkdown(draft);
    expect(md).toContain('全年拆除违法建筑127处');
    expect(md).not.toContain('130处');
    expect(draft.materials?.conflicts).toMatchObject([{ figure: '130处', action: 'corrected' }]);
    expect(draft.materials?.files[0].flagged).toBe(true);
  });

  it('folds the same sentence from two materials into one, both named as its sources', () => {
    const text = (dept: string) =>
      `${dept}2017年工作小结\n\n一、为老服务\n\n全年新建新长、甘泉苑2个社区长者食堂，为辖区老年人提供助餐服务。`;
    const chunks = [
      ...material(text('社区服务办公室'), '社区服务办公室', 'a.txt'),
      ...material(text('甘泉苑居委会'), '甘泉苑居委会', 'b.txt'),
    ];
    const draft = build(report, ledger, chunks);
    const md = draftMarkdown(draft);
    expect(md.split('2个社区长者食堂')).toHaveLength(2);
    const trace = allParagraphs(draft)
      .flatMap((p) => p.trace ?? [])
      .find((t) => t.text.includes('2个社区长者食堂'));
    expect(trace?.sources.filter((s) => s.kind === 'material')).toHaveLength(2);
  });

  it('offers material that fits no part as a candidate part for the writer', () => {
    const chunks = material(
      '党政办公室2017年工作总结\n\n一、档案\n\n完成机关档案数字化扫描，档案室通过市级达标复查。',
      '党政办公室',
      'c.txt',
    );
    const draft = build(report, ledger, chunks);
    const candidate = draft.parts.find((p) => p.candidate);
    expect(candidate?.title).toBe('其他工作（待定）');
    expect(candidate?.paragraphs[0].text).toContain('档案室通过市级达标复查');
  });
});

describe('drafting another office’s year from materials (syn-jd-linhai-2023 → 2024)', () => {
  const dir = join(packageRoot, 'evals', 'data', 'documents', 'syn-jd-linhai-2023');

  it('drops last year’s sentence whose every ledger figure a material sentence states: no figure said twice', async () => {
    const report = parseReportText(readFileSync(join(dir, 'source.txt'), 'utf8'), { fileName: 'source.txt' });
    const ledger = [
      ...(await parseLedger(readFileSync(join(dir, 'ledger.csv')), 'ledger.csv')),
      ...(await parseLedger(readFileSync(join(dir, 'next-ledger.csv')), 'next-ledger.csv')),
    ];
    const chunks = materialChunks(
      parseReportText(
        '党政办公室2024年工作总结\n\n一、营商服务\n\n新增企业138家，新引进企业8家，新签约重点项目9个。\n',
        {
          fileName: '党政办.txt',
        },
      ),
      { year: 2024, department: '党政办公室', addedAt },
    );
    const draft = buildDraft({
      year: 2024,
      report,
      stored: true,
      ledger,
      ledgerSource: 'next-ledger.csv',
      materials: { year: 2024, chunks, retrieved: new Map() },
      id: 'd2024-linhai',
      now: new Date('2025-01-05T08:00:00Z'),
    });
    const text = draftMarkdown(draft);
    expect(text).toContain('新增企业138家，新引进企业8家，新签约重点项目9个。');
    expect(text.match(/新引进企业8家/g)).toHaveLength(1);
    expect(checkText(text, ledger, { year: 2024 }).summary.contradicted).toBe(0);
  });
});
