/**
 * The office as a filter where users see data, in Chromium: two offices in one store with the same
 * metric and different values; the pickers offer the store's offices (GET /api/offices) by short
 * name, and the ledger table, the trend chart, the check and the chat each show one office's figures.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  openPage,
  postJson,
  type ServedPage,
  startServe,
} from '../support/browser.ts';

const ledgerCsv = [
  '街道,年度,指标名称,数值,计量单位',
  '殷行街道,2022,拆除违法建筑,120,处',
  '殷行街道,2023,拆除违法建筑,154,处',
  '五角场街道,2022,拆除违法建筑,30,处',
  '五角场街道,2023,拆除违法建筑,38,处',
].join('\n');

const report = (org: string, demolished: number) =>
  [
    `上海市杨浦区人民政府${org}办事处2022年工作总结`,
    '',
    '一、主要工作',
    '',
    '（一）城市管理走向精细',
    '',
    `“五违四必”整治圆满完成。全年拆除违法建筑${demolished}处，整治群租房。`,
  ].join('\n');

async function ask(page: Page, question: string): Promise<string> {
  const answers = page.locator('.turn.assistant .turn-tools');
  const before = await answers.count();
  await page.locator('#chat-input').fill(question);
  await page.locator('#chat-input').press('Enter');
  await answers.nth(before).waitFor();
  return (await page.locator('.turn.assistant').last().locator('.answer').textContent()) ?? '';
}

/** Waits until a picker offers the store's offices, then returns their labels. */
async function officeLabels(page: Page, select: string): Promise<string[]> {
  await page.locator(`${select} option`, { hasText: '五角场街道' }).waitFor({ state: 'attached' });
  return page.locator(`${select} option`).allTextContents();
}

describe.skipIf(!hasChromium)('web page in Chromium: the office as a filter', { timeout: 240_000 }, () => {
  let served: ServedPage;
  let browser: Browser;
  beforeAll(async () => {
    [served, browser] = await Promise.all([startServe(), launchBrowser()]);
    const base = new URL(served.url).origin;
    const origin = { Origin: base };
    await postJson(`${base}/api/ledger`, { fileName: 'district-2023.csv', text: ledgerCsv }, origin);
    for (const [org, n] of [
      ['殷行街道', 120],
      ['五角场街道', 30],
    ] as const)
      await postJson(`${base}/api/reports`, { fileName: `${org}.txt`, text: report(org, n) }, origin);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the ledger and its trend of the office chosen in 语料', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/#corpus');
    expect(await officeLabels(page, '#ledgers-org')).toEqual(['全部单位', '五角场街道', '殷行街道']);
    // Reports carry the full name; the picker shows the short one and keeps the full one as a title.
    expect(await page.locator('#reports-org option', { hasText: '殷行街道' }).getAttribute('title')).toBe(
      '上海市杨浦区人民政府殷行街道办事处',
    );
    await page.locator('#ledgers-org').selectOption({ label: '五角场街道' });
    await page
      .locator('#ledgers-table td', { hasText: /^五角场街道$/ })
      .first()
      .waitFor();
    expect(await page.locator('#ledgers-table').textContent()).not.toContain('殷行街道');
    await page.locator('#trend-metric').fill('拆除违法建筑');
    await page.locator('#trend-form button[type="submit"]').click();
    const caption = page.locator('#trend-chart figcaption');
    await caption.waitFor();
    expect(await caption.textContent()).toContain('五角场街道 拆除违法建筑');
    expect(await page.locator('#trend-chart svg').getAttribute('aria-label')).toBe(
      '2022年 30处；2023年 38处',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('checks a text that names no office against the office chosen in 核查', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/#check');
    expect(await officeLabels(page, '#check-org')).toEqual(['按文中单位', '五角场街道', '殷行街道']);
    await page.locator('#check-form details.paste summary').click();
    await page.locator('#check-text').fill('全年拆除违法建筑38处。');
    await page.locator('#check-year').fill('2023');
    await page.locator('#check-org').selectOption({ label: '五角场街道' });
    await page.locator('#check-run').click();
    await page.locator('#check-doc .fig.supported', { hasText: '38处' }).waitFor();
    expect(await page.locator('#check-summary').textContent()).toMatch(/单位：\S*五角场街道/);

    await page.locator('#check-org').selectOption({ label: '殷行街道' });
    await page.locator('#check-run').click();
    await page.locator('#check-doc .fig.contradicted', { hasText: '38处' }).waitFor();
    expect(await page.locator('#check-problems .problem.contradicted').textContent()).toContain('应为 154处');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers from the office chosen in 问答: that office's figure, not the other's", async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/');
    await officeLabels(page, '#chat-org');
    await page.locator('#chat-org').selectOption({ label: '殷行街道' });
    const answer = await ask(page, '2023年拆除违法建筑多少处？');
    expect(answer).toContain('154处');
    expect(answer).not.toContain('38处');
    expect(errors).toEqual([]);
    await context.close();
  });
});
