/**
 * Hostile files against the real built server (`govdraft serve` as a child process): each is
 * refused with a clear 413/422 while /api/health keeps answering, the server's peak RSS (VmHWM)
 * stays under 500 MB, and the store is what it was. Files are generated here, small on disk.
 * Bounds are generous (a busy two-core machine); the measured figures are printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, packageRoot } from '../server/paths.ts';
import {
  craftedSheetXlsx,
  docxBomb,
  farCoordinatesXlsx,
  lyingDocxBomb,
  manyEntriesDocx,
  manyKeysJson,
  xlsxBomb,
} from './support/hostile-files.ts';
import { peakRssMb, type ServeChild, startServeChild, watchHealth } from './support/serve-child.ts';

/** Slowest acceptable /api/health answer during an attack (1 s on an idle machine). */
const healthBoundMs = 5_000;
/** Slowest acceptable answer to a hostile file (well under a second on an idle machine). */
const answerBoundMs = 30_000;

const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'));
const ledger = readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv'));
const b64 = (bytes: Buffer): string => bytes.toString('base64');
const file = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: b64(bytes) });

interface Attack {
  name: string;
  route: string;
  body: () => Promise<unknown>;
  status: number;
  code: string;
  says: RegExp;
}

const attacks: Attack[] = [
  {
    name: '.xlsx ledger with cells at row 200000 and column ZZ',
    route: '/api/ledger',
    body: async () => file('far.xlsx', await farCoordinatesXlsx()),
    status: 413,
    code: 'file_too_large',
    says: /^台账过大：工作表“台账”的列数达到 702，上限为 256/,
  },
  {
    name: 'the same .xlsx as the ledger of a check',
    route: '/api/check',
    body: async () => ({ text: '拆除违法建筑154处。', ledger: file('far.xlsx', await farCoordinatesXlsx()) }),
    status: 413,
    code: 'file_too_large',
    says: /列数达到 702/,
  },
  {
    name: 'JSON ledger of 40000 records, each with a key of its own',
    route: '/api/ledger',
    body: async () => file('keys.json', manyKeysJson(40_000)),
    status: 413,
    code: 'file_too_large',
    says: /^台账过大：JSON 台账（字段名即列）的列数达到 257/,
  },
  {
    name: 'the same JSON as the ledger of a draft',
    route: '/api/draft/outline',
    body: async () => ({ year: 2017, fromYear: 2016, ledger: file('keys.json', manyKeysJson(40_000)) }),
    status: 413,
    code: 'file_too_large',
    says: /列数达到 257/,
  },
  {
    name: '.docx expanding to 200 MB',
    route: '/api/reports',
    body: async () => file('bomb.docx', await docxBomb(200)),
    status: 413,
    code: 'file_too_large',
    says: /^Word 文档解压后超过 64 MB，无法读取/,
  },
  {
    name: '.docx whose headers hide 200 MB behind 2 KB',
    route: '/api/reports',
    body: async () => file('lying.docx', await lyingDocxBomb(200)),
    status: 422,
    code: 'corrupt_file',
    says: /^Word 文档已损坏/,
  },
  {
    name: '.docx of 20000 entries',
    route: '/api/reports',
    body: async () => file('entries.docx', await manyEntriesDocx(20_000)),
    status: 413,
    code: 'file_too_large',
    says: /^Word 文档内含 20003 个部件，超过上限 1000 个/,
  },
  {
    name: '.xlsx expanding to 500 MB',
    route: '/api/ledger',
    body: async () => file('bomb.xlsx', await xlsxBomb(500)),
    status: 413,
    code: 'file_too_large',
    says: /^Excel 工作簿解压后超过 64 MB/,
  },
  {
    name: '.xlsx merging a whole sheet (17 billion cells for exceljs)',
    route: '/api/ledger',
    body: async () =>
      file(
        'merge.xlsx',
        await craftedSheetXlsx('<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'),
      ),
    status: 413,
    code: 'file_too_large',
    says: /单元格数达到/,
  },
];

describe('hostile files against govdraft serve (built, child process)', { timeout: 600_000 }, () => {
  let dir: string;
  let server: ServeChild;
  let store: string;
  const snapshot = async (): Promise<string> => {
    const reports = await (await fetch(`${server.url}/api/reports`)).text();
    const records = await (await fetch(`${server.url}/api/ledger`)).text();
    return `${reports}\n${records}`;
  };
  /** A POST on a connection of its own (a pooled one the server closed while idle would fail it). */
  const post = (route: string, body: unknown): Promise<{ status: number; json(): Promise<unknown> }> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${server.url}${route}`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => {
            text += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(text) }));
        },
      );
      req.setTimeout(answerBoundMs * 2, () => req.destroy(new Error('no answer')));
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-hostile-'));
    server = await startServeChild(join(dir, 'data'));
    expect((await post('/api/reports', file('seed.txt', seed))).status).toBe(201);
    expect((await post('/api/ledger', file('ganquan-2016.csv', ledger))).status).toBe(201);
    store = await snapshot();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(attacks)('refuses $name clearly while health keeps answering', async (attack) => {
    const body = await attack.body();
    const health = watchHealth(server.url, 50);
    const started = performance.now();
    const res = await post(attack.route, body);
    const answerMs = performance.now() - started;
    const problem = (await res.json()) as { error: { code: string; message_zh: string; message_en: string } };
    const { slowestMs, answers, failures } = await health.stop();
    console.info(
      `hostile: ${attack.name}: ${res.status} ${problem.error.code} in ${(answerMs / 1000).toFixed(2)} s; health slowest ${Math.round(slowestMs)} ms over ${answers} answers; server peak RSS so far ${Math.round(server.peakRssMb())} MB`,
    );
    expect(res.status).toBe(attack.status);
    expect(problem.error.code).toBe(attack.code);
    expect(problem.error.message_zh).toMatch(attack.says);
    expect(problem.error.message_en).toBeTruthy();
    expect(answerMs).toBeLessThan(answerBoundMs);
    expect(failures).toBe(0);
    expect(answers).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(healthBoundMs);
    expect(await snapshot()).toBe(store);
  });

  it('refuses a 300 MB sparse file in the CLI before reading it; the store is unchanged', async () => {
    const sparse = join(dir, '报告.txt');
    writeFileSync(sparse, '');
    truncateSync(sparse, 300 * 1024 * 1024);
    const health = watchHealth(server.url, 50);
    const started = performance.now();
    const cli = spawn(
      process.execPath,
      [join(packageRoot, 'dist/cli/main.js'), '--server', server.url, 'ingest', sparse],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, LANCEDB_LOG: 'error' } },
    );
    let cliPeakMb = 0;
    const sampler = setInterval(() => {
      if (cli.pid) cliPeakMb = Math.max(cliPeakMb, peakRssMb(cli.pid) || 0);
    }, 10);
    let stderr = '';
    cli.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    clearInterval(sampler);
    const answerMs = performance.now() - started;
    const { slowestMs, failures } = await health.stop();
    console.info(
      `hostile: 300 MB sparse file to the CLI: exit ${code} in ${(answerMs / 1000).toFixed(2)} s; CLI peak RSS ${Math.round(cliPeakMb)} MB; health slowest ${Math.round(slowestMs)} ms`,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('文件过大（300.0 MB），上传文件不能超过 24.0 MB');
    expect(answerMs).toBeLessThan(answerBoundMs);
    expect(cliPeakMb).toBeLessThan(500);
    expect(failures).toBe(0);
    expect(await snapshot()).toBe(store);
  });

  it('kept the server under 500 MB of peak RSS through all of it', () => {
    const peak = server.peakRssMb();
    console.info(`hostile: server peak RSS (VmHWM) over the whole suite: ${Math.round(peak)} MB`);
    expect(peak).toBeLessThan(500);
  });
});
