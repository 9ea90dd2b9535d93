import { join } from 'node:path';
import { connect, Index } from '@lancedb/lancedb';
import { Field, Schema } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { search } from '../../server/retrieve/index.ts';
import { chunkReport } from '../../server/store/chunk.ts';
import { createLexicalEmbedder } from '../../server/store/embed-lexical.ts';
import { openStore } from '../../server/store/lance-open.ts';
import { chunksSchema, embedderKey, reportRow, reportsSchema } from '../../server/store/tables.ts';
import type { Embedder } from '../../server/store/types.ts';
import { segment } from '../../server/text/index.ts';
import { buildReport } from '../support/report-builder.ts';
import { tempStores } from '../support/temp-stores.ts';

const temp = tempStores('govdraft-layout-');

const report = buildReport({
  title: '甘泉路街道2016年工作总结',
  org: '甘泉路街道',
  year: 2016,
  fileName: 'ganquan-2016.txt',
  parts: [
    { title: '注重保障民生', paragraphs: ['丰富为老服务内涵。建立独居老人动态数据库,全年服务3400余次。'] },
    { title: '补齐发展短板', paragraphs: ['“五违四必”整治圆满完成。全年共计拆除违法建筑154处,9058平方米。'] },
  ],
});

/** The chunks schema of govdraft 0.1: a jieba `words` column where `terms` is now, no layout tag. */
const legacySchema = (dimensions: number, embedderId: string) =>
  new Schema(
    chunksSchema(dimensions, embedderId).fields.map((f) =>
      f.name === 'terms' ? new Field('words', f.type, f.nullable) : f,
    ),
    new Map([[embedderKey, embedderId]]),
  );

/** A store as govdraft 0.1 left it: both tables, the two full-text indexes of that layout. */
async function legacyStore(dataDir: string, embedder: Embedder): Promise<number[][]> {
  const db = await connect(join(dataDir, 'lancedb'));
  const chunks = chunkReport(report);
  const vectors = await embedder.embed(chunks.map((c) => c.text));
  const rows = chunks.map((c, i) => ({
    ...c,
    words: segment(c.text).join(' ').toLowerCase(),
    vector: vectors[i],
  }));
  const table = await db.createTable('chunks', rows, {
    schema: legacySchema(embedder.dimensions, embedder.id),
  });
  await table.createIndex('text', {
    config: Index.fts({ baseTokenizer: 'ngram', ngramMinLength: 2, ngramMaxLength: 2, prefixOnly: false }),
  });
  await table.createIndex('words', { config: Index.fts({ baseTokenizer: 'whitespace' }) });
  await db.createTable('reports', [reportRow(report, chunks.length, new Date())], { schema: reportsSchema });
  db.close();
  return vectors;
}

describe('a store written by govdraft 0.1', () => {
  it('is upgraded to one terms column on first use, keeping its vectors and calling no model', async () => {
    const dataDir = temp.dir();
    const lexical = createLexicalEmbedder(128);
    const vectors = await legacyStore(dataDir, lexical);
    const embedded: string[] = [];
    const counting: Embedder = {
      ...lexical,
      embed: (texts) => {
        embedded.push(...texts);
        return lexical.embed(texts);
      },
    };
    const store = await openStore({ dataDir, embedder: counting });
    temp.keep(store);

    const [hit] = await search(store, '拆除违法建筑多少处?', { k: 1 });
    expect(hit.text).toContain('拆除违法建筑154处');
    expect(embedded).toEqual(['拆除违法建筑 处']);
    expect(await store.indexStatus()).toMatchObject({ chunks: vectors.length, unindexedRows: 0, builds: 1 });

    const db = await connect(join(dataDir, 'lancedb'));
    const table = await db.openTable('chunks');
    const schema = await table.schema();
    expect(schema.metadata.get('govdraft.layout')).toBe('terms-v1');
    expect(schema.metadata.get('govdraft.embedder')).toBe(lexical.id);
    expect(schema.fields.map((f) => f.name)).toContain('terms');
    expect(schema.fields.map((f) => f.name)).not.toContain('words');
    expect((await table.listIndices()).map((i) => i.name)).toEqual(['terms_idx']);
    const stored = await table.query().select(['id', 'vector']).toArray();
    const byId = new Map(chunkReport(report).map((c, i) => [c.id, vectors[i]]));
    for (const row of stored) {
      expect(Array.from(row.vector as Float32Array)).toEqual(
        byId.get(String(row.id))?.map((x) => Math.fround(x)),
      );
    }
    db.close();

    const next = buildReport({ title: '宜川路街道2017年工作总结', org: '宜川路街道', year: 2017 });
    expect((await store.ingestReport(next)).status).toBe('added');
    expect(await store.listReports()).toHaveLength(2);
  });
});
