import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import {
  hasChromium,
  launchBrowser,
  openPage,
  postJson,
  type ServedPage,
  startServe,
} from '../support/browser.ts';

const seedReport = join(corpusDir, 'reports/甘泉路街道2016年工作总结.txt');
const seedLedger = join(corpusDir, 'ledgers/ganquan-2016.csv');

/** A small report of an office the corpus does not hold. */
const townReport = (year: number, work: string) =>
  [
    `青浦镇${year}年工作总结`,
    `过去的一年，镇政府在区委、区政府的坚强领导下，扎实推进各项工作。`,
    '主要开展了以下两方面工作：',
    '（一）改善人居环境，城乡面貌持续提升',
    `推进河道整治。${work}全年完成河道轮疏38条，新建雨污水管网12.5公里。`,
    '（二）保障改善民生，公共服务更加完善',
    '加强为老服务。新建长者照护之家2家，助餐点覆盖率达到95%。',
  ].join('\n\n');

describe.skipIf(!hasChromium)('web page in Chromium: 核查, 语料 and 草稿', { timeout: 240_000 }, () => {
  let served: ServedPage;
  let browser: Browser;
  let dir: string;
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govdraft-web-files-'));
    [served, browser] = await Promise.all([startServe(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('checks an uploaded .txt against an uploaded ledger: figures coloured, problems point at them', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    const report = readFileSync(seedReport, 'utf8').replace('拆除违法建筑154处', '拆除违法建筑145处');
    await page.goto('/#check');
    // Nothing chosen, then a file that is not a Word document: clear Chinese errors, nothing lost.
    await page.locator('#check-run').click();
    await page
      .locator('#check-status.error', { hasText: '错误：请选择报告文件，或粘贴要核查的文字。' })
      .waitFor();
    await page.setInputFiles('#check-file', file('坏文件.docx', 'not a zip'));
    await page.locator('#check-run').click();
    await page
      .locator('#check-status.error', { hasText: '错误：文件已损坏或不是有效的 Word 文档' })
      .waitFor();
    await page.setInputFiles('#check-file', file('送审稿.txt', report));
    await page.setInputFiles('#check-ledger', seedLedger);
    expect(await page.locator('#check-ledger-names').textContent()).toBe('ganquan-2016.csv');
    await page.locator('#check-run').click();
    const wrong = page.locator('#check-doc .fig.contradicted');
    await wrong.waitFor();
    expect(await wrong.allTextContents()).toEqual(['145处']);
    expect(await page.locator('#check-doc .fig.supported').count()).toBeGreaterThan(20);
    const colour = await page.evaluate(
      `getComputedStyle(document.getElementById('${await wrong.getAttribute('id')}')).backgroundColor`,
    );
    expect(colour).toBe('rgb(255, 235, 233)');
    expect(await page.locator('#check-summary').textContent()).toContain('不符 1');

    const problem = page.locator('#check-problems .problem.contradicted');
    expect(await problem.textContent()).toMatch(/不符 · 145处 · 应为 154处来源：ganquan-2016\.csv 第14行/);
    await problem.click();
    const id = await wrong.getAttribute('id');
    expect(await page.evaluate('document.activeElement.id')).toBe(id);
    expect(await wrong.getAttribute('class')).toContain('flash');

    const [annotated] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#check-summary button', { hasText: '下载 送审稿.核查.docx' }).click(),
    ]);
    const annotatedPath = join(dir, 'annotated.docx');
    await annotated.saveAs(annotatedPath);
    const comments = unzipSync(readFileSync(annotatedPath))['word/comments.xml'];
    expect(strFromU8(comments)).toContain('154处');
    await page.locator('#check-summary button', { hasText: '下载 送审稿.核查.xlsx' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uploads several reports with progress, lists them by year and office, finds one in search', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/#corpus');
    await page.getByText('还没有报告').waitFor();
    await page.setInputFiles('#report-files', [
      file('青浦镇2019.txt', townReport(2019, '蓝藻防控工作实现零爆发。')),
      file('青浦镇2020.txt', townReport(2020, '')),
    ]);
    expect(await page.locator('#report-files-names').textContent()).toBe(
      '2 个文件：青浦镇2019.txt、青浦镇2020.txt',
    );
    await page.locator('#report-upload button[type=submit]').click();
    await page.locator('#report-upload-list li.done').nth(1).waitFor();
    expect(await page.locator('#report-upload-list').textContent()).toContain(
      '青浦镇2019.txt：已加入《青浦镇2019年工作总结》',
    );
    expect(
      await page.locator('#report-progress').evaluate((e) => (e as unknown as { value: number }).value),
    ).toBe(2);
    await page.locator('#reports-table', { hasText: '青浦镇2020年工作总结' }).waitFor();
    await page.locator('#reports-year option[value="2019"]').waitFor({ state: 'attached' });
    await page.locator('#reports-year').selectOption('2019');
    await page.locator('#reports-table tbody tr').first().waitFor();
    expect(await page.locator('#reports-table tbody tr').count()).toBe(1);
    expect(await page.locator('#reports-table tbody').textContent()).toContain('青浦镇');

    await page.locator('#search-query').fill('蓝藻防控');
    await page.locator('#search-query').press('Enter');
    const hit = page.locator('#search-hits li').first();
    await hit.locator('.where').waitFor();
    expect(await hit.textContent()).toContain('《青浦镇2019年工作总结》(一)改善人居环境');
    await hit.getByRole('button', { name: '在报告中查看' }).click();
    await page.locator('#drawer #passage-mark', { hasText: '蓝藻防控工作实现零爆发' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a bad upload’s clear Chinese error: the ledger’s bad rows, a report that is not text', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/#corpus');
    const ledger =
      '年度,指标名称,数值,计量单位\n2019,河道轮疏条数,38,条\n2019,新建管网长度,十二点五公里,公里\n2019,,5,个\n';
    await page.setInputFiles('#ledger-file', file('坏台账.csv', ledger));
    await page.locator('#ledger-upload button[type=submit]').click();
    const result = page.locator('#ledger-upload-result');
    await result.locator('.error').waitFor();
    expect(await result.locator('.error').textContent()).toMatch(
      /^错误：台账“坏台账\.csv”有2处问题.*未导入任何记录/,
    );
    expect(await result.locator('.bad-rows li').allTextContents()).toEqual([
      expect.stringMatching(/^第3行.*“十二点五公里”不是数字/),
      expect.stringMatching(/^第4行.*缺少指标名称/),
    ]);

    await page.setInputFiles(
      '#report-files',
      file('扫描件.txt', new Uint8Array([0, 1, 2, 0, 255, 254, 0, 7])),
    );
    await page.locator('#report-upload button[type=submit]').click();
    const failed = page.locator('#report-upload-list li.failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/^扫描件\.txt：错误：文件不是文本/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows report text as text: markup in a report runs no script and adds no element', async () => {
    const markup = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">';
    await postJson(`${served.url}api/reports`, {
      fileName: '标记镇2018.txt',
      text: townReport(2018, `${markup}防汛演练。`).replace('青浦镇', '标记镇'),
    });
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/#corpus');
    await page.getByRole('button', { name: '标记镇2018年工作总结' }).click();
    const passage = page.locator('#drawer .passage');
    await passage.locator('#passage-mark').waitFor();
    expect(await passage.textContent()).toContain(markup);
    expect(await page.locator('#drawer img, #drawer script').count()).toBe(0);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a saved draft read-only with its check and exports it as .docx', async () => {
    await postJson(`${served.url}api/corpus/bundled`, {});
    await postJson(`${served.url}api/draft/outline`, { year: 2017, fromYear: 2016 });
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/#drafts');
    await page.locator('#drafts-list button', { hasText: '甘泉路街道2017年工作总结' }).click();
    await page.locator('#draft-doc .fig.supported').first().waitFor();
    expect(await page.locator('#draft-title').textContent()).toBe('甘泉路街道2017年工作总结');
    expect(await page.locator('#draft-summary').textContent()).toMatch(/相符 \d+不符 0无法核对 \d+/);
    expect(await page.locator('#draft-doc h4').count()).toBe(6);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#draft-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('甘泉路街道2017年工作总结.docx');
    const saved = join(dir, 'export.docx');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });
});
