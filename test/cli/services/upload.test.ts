import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUpload } from '../../../cli/services/index.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govdraft-upload-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readUpload', () => {
  it('reads a file as its name and base64 content', async () => {
    const path = join(dir, '台账.csv');
    writeFileSync(path, '年份,指标\n2016,拆除违法建筑处数\n');
    const file = await readUpload(path);
    expect(file.fileName).toBe('台账.csv');
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toBe(
      '年份,指标\n2016,拆除违法建筑处数\n',
    );
  });

  it('lets the event loop turn while it reads (the Ink UI keeps rendering)', async () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, Buffer.alloc(3 * 1048576, 65));
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const reading = readUpload(path);
    // A synchronous read would finish before any callback could run.
    expect(turned).toBe(false);
    const file = await reading;
    expect(turned).toBe(true);
    expect(Buffer.from(file.contentBase64, 'base64').length).toBe(3 * 1048576);
  });

  it.each([
    ['a file over the limit, by its size, before reading', 'over.txt', 'file_too_large', '文件过大'],
    ['a missing file', 'missing.txt', 'bad_request', '找不到文件'],
    ['a directory', '.', 'bad_request', '是目录'],
  ])('refuses %s with a Chinese message', async (_, name, code, message) => {
    if (name === 'over.txt') writeFileSync(join(dir, name), Buffer.alloc(2048, 1));
    const read = readUpload(name === '.' ? dir : join(dir, name), 1024);
    await expect(read).rejects.toMatchObject({ code, messageZh: expect.stringContaining(message) });
  });
});
