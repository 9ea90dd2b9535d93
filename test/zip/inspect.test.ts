import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { packageRoot } from '../../server/paths.ts';
import { inspectZip, type ZipLimits } from '../../server/zip/inspect.ts';
import { docxBomb, lyingDocxBomb, manyEntriesDocx } from '../support/hostile-files.ts';
import { repeat, zipArchive } from '../support/zip-writer.ts';

const limits: ZipLimits = { entries: 100, bytes: 8 * 1048576, xmlBytes: 4 * 1048576 };
const kind = { zh: 'Word 文档', en: 'Word document' };

async function refusal(bytes: Uint8Array, given = limits): Promise<GovdraftError> {
  const error = await inspectZip(bytes, given, kind).then(
    () => null,
    (e: unknown) => e,
  );
  expect(GovdraftError.isInstance(error)).toBe(true);
  return error as GovdraftError;
}

describe('inspectZip', () => {
  it('counts a real .docx: entries, inflated bytes and XML bytes', async () => {
    const census = await inspectZip(
      readFileSync(join(packageRoot, 'test/fixtures/report/seed.docx')),
      limits,
      kind,
    );
    expect(census.entries).toBeGreaterThan(3);
    expect(census.bytes).toBeGreaterThanOrEqual(census.xmlBytes);
    expect(census.xmlBytes).toBeGreaterThan(10_000);
  });

  it('refuses a bomb by its declared size before inflating it', async () => {
    const error = await refusal(await docxBomb(50));
    expect(error.code).toBe('file_too_large');
    expect(error.messageZh).toBe('Word 文档解压后超过 8 MB，无法读取（可能是“压缩炸弹”）');
    expect(error.message).toContain('8 MB');
  });

  it('catches a bomb whose headers lie about its size at the first extra bytes', async () => {
    const error = await refusal(await lyingDocxBomb(50));
    expect(error.code).toBe('corrupt_file');
    expect(error.messageZh).toContain('已损坏');
    expect(error.message).toMatch(/too many bytes/);
  });

  it('refuses too many entries from the directory count alone', async () => {
    const error = await refusal(await manyEntriesDocx(200));
    expect(error.code).toBe('file_too_large');
    expect(error.messageZh).toContain('内含 203 个部件，超过上限 100 个');
  });

  it('limits XML parts apart from the whole (images are not what parsers read)', async () => {
    const xml = await zipArchive([{ name: 'word/document.xml', pieces: repeat('<w:p/>', 1_000_000) }]);
    expect((await refusal(xml)).messageZh).toContain('正文与表格数据解压后超过 4 MB');
    const image = await zipArchive([{ name: 'word/media/image1.png', pieces: repeat('\u0000', 6_000_000) }]);
    expect((await inspectZip(image, limits, kind)).bytes).toBe(6_000_000);
  });

  it('hands an entry to its watcher chunk by chunk, and a watcher may refuse the package', async () => {
    const bytes = await zipArchive([
      { name: 'a.xml', pieces: ['<a>', ...repeat('<b/>', 100_000), '</a>'] },
      { name: 'b.xml', pieces: ['<c/>'] },
    ]);
    let seen = 0;
    await inspectZip(bytes, limits, kind, (name) =>
      name === 'a.xml'
        ? (chunk) => {
            seen += chunk.length;
          }
        : null,
    );
    expect(seen).toBe(400_007);
    const stop = new GovdraftError('file_too_large', '太多', 'too many');
    await expect(
      inspectZip(bytes, limits, kind, () => () => {
        throw stop;
      }),
    ).rejects.toBe(stop);
  });

  it.each([
    ['not a zip at all', Buffer.from('PK\u0003\u0004 not really')],
    ['a truncated archive', Buffer.from('PK\u0005\u0006')],
  ])('calls %s corrupt', async (_name, bytes) => {
    expect((await refusal(bytes)).code).toBe('corrupt_file');
  });
});
