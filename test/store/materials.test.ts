import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { materialChunks, searchMaterials } from '../../server/materials/index.ts';
import { parseReportText } from '../../server/report/index.ts';
import type { MaterialChunk } from '../../server/store/material-types.ts';
import type { BulkStore } from '../../server/store/store.ts';
import { buildReport } from '../support/report-builder.ts';
import { tempStores } from '../support/temp-stores.ts';

const temp = tempStores('govdraft-materials-');

const open = (dataDir = temp.dir(), dimensions = 256): Promise<BulkStore> =>
  temp.open(dataDir, { dimensions });

/** The sentences of a small material. */
function material(
  text: string,
  fileName: string,
  options: { year?: number; department?: string } = {},
): MaterialChunk[] {
  return materialChunks(parseReportText(text, { fileName }), {
    year: options.year ?? 2017,
    department: options.department ?? '社区服务办公室',
    addedAt: new Date().toISOString(),
  });
}

const service = material(
  '社区服务办公室2017年工作总结\n\n一、为老服务\n\n全年新建社区长者食堂2个，老年助餐服务4.26万人次。依托社区基金会深化社区互助养老服务，全年服务3620次。\n\n二、就业\n\n帮助成功创业42家。',
  '服务办.txt',
);
const safety = material(
  '社区平安办公室2017年工作总结\n\n1、治安\n\n完成1260扇电控防盗门产权移交。与26家责任部门签订安全责任书。',
  '平安办.txt',
  { department: '社区平安办公室' },
);

describe('the materials table (LanceDB on disk)', () => {
  it('adds a material in one commit, idempotently, and reads it back in reading order', async () => {
    const store = await open();
    expect(await store.materials.add(service)).toMatchObject({ status: 'added', replacedIds: [] });
    expect((await store.materials.add(service)).status).toBe('unchanged');
    const back = await store.materials.chunks({ year: 2017 });
    expect(back).toEqual(service);
    expect(await store.materials.chunks({ year: 2016 })).toEqual([]);
    expect(await store.materials.chunks({ materialIds: [] })).toEqual([]);
  });

  it('never mixes materials with past reports, either way', async () => {
    const store = await open();
    await store.ingestReport(
      buildReport({
        title: '甘泉路街道2016年工作总结',
        org: '甘泉路街道',
        year: 2016,
        fileName: 'r.txt',
        parts: [{ title: '民生', paragraphs: ['丰富为老服务内涵。全年服务3400余次社区互助养老服务。'] }],
      }),
    );
    await store.materials.add(service);
    const reportHits = await store.textSearch('互助养老服务', {}, 20);
    expect((await store.chunks(reportHits)).every((c) => c.reportId !== service[0].materialId)).toBe(true);
    expect((await store.counts()).reports).toBe(1);
    const materialHits = await searchMaterials(store.materials, '互助养老服务', {}, 20);
    expect(materialHits.length).toBeGreaterThan(0);
    expect(materialHits.every((h) => h.chunk.materialId === service[0].materialId)).toBe(true);
  });

  it('finds this year’s sentences of work by hybrid retrieval, filtered by year and material', async () => {
    const store = await open();
    await store.materials.add(service);
    await store.materials.add(safety);
    await store.materials.add(
      material('2016年材料\n\n一、为老\n\n全年服务3400次社区互助养老服务。', 'old.txt', { year: 2016 }),
    );
    const hits = await searchMaterials(store.materials, '社区互助养老服务', { year: 2017 }, 3);
    expect(hits[0].chunk.text).toContain('互助养老服务');
    expect(hits.every((h) => h.chunk.year === 2017 && h.chunk.kind === 'content')).toBe(true);
    const only = await searchMaterials(
      store.materials,
      '签订安全责任书',
      { year: 2017, materialIds: [safety[0].materialId] },
      5,
    );
    expect(only.map((h) => h.chunk.department)).toEqual(['社区平安办公室', '社区平安办公室']);
  });

  it('replaces another version of the same department’s file, and a material given another department', async () => {
    const store = await open();
    await store.materials.add(service);
    const revised = material(
      '社区服务办公室2017年工作总结\n\n一、为老服务\n\n全年新建社区长者食堂2个。',
      '服务办.txt',
    );
    expect(await store.materials.add(revised)).toMatchObject({
      status: 'replaced',
      replacedIds: [service[0].materialId],
    });
    const moved = revised.map((c) => ({ ...c, department: '服务办' }));
    expect((await store.materials.add(moved)).status).toBe('replaced');
    const back = await store.materials.chunks({});
    expect(new Set(back.map((c) => `${c.materialId}|${c.department}`))).toEqual(
      new Set([`${revised[0].materialId}|服务办`]),
    );
  });

  it('removes a material; a second remove finds nothing', async () => {
    const store = await open();
    await store.materials.add(service);
    await store.materials.add(safety);
    expect(await store.materials.remove(service[0].materialId)).toBe(true);
    expect(await store.materials.remove(service[0].materialId)).toBe(false);
    expect(new Set((await store.materials.chunks()).map((c) => c.materialId))).toEqual(
      new Set([safety[0].materialId]),
    );
    expect(await searchMaterials(store.materials, '互助养老服务', {}, 5)).not.toContainEqual(
      expect.objectContaining({ chunk: expect.objectContaining({ materialId: service[0].materialId }) }),
    );
  });

  it('refuses to search vectors of another embedder until reindexed, which re-embeds materials too', async () => {
    const dataDir = temp.dir();
    const first = await open(dataDir, 256);
    await first.materials.add(service);
    await first.close();
    const second = await open(dataDir, 512);
    const error = await searchMaterials(second.materials, '互助养老', {}, 3).catch((e: unknown) => e);
    expect(GovdraftError.isInstance(error) && error.code).toBe('embedding_mismatch');
    await second.reindex();
    expect((await searchMaterials(second.materials, '互助养老', {}, 3)).length).toBeGreaterThan(0);
  });
});
