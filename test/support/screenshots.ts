/**
 * `npm run screenshots`: the four views of the web page at 1366×768, from a real `govdraft serve`
 * with the bundled corpus and a carried-forward draft, into docs/web-*.png (shown in the README).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { hasChromium, launchBrowser, openPage, postJson, startServe } from './browser.ts';

const docs = join(packageRoot, 'docs');

/** The seed report with two figures changed, so the check shows a 不符. */
function reportWithMistakes(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'govdraft-shots-')), '甘泉路街道2016年工作总结（送审稿）.txt');
  const seed = readFileSync(join(corpusDir, 'reports/甘泉路街道2016年工作总结.txt'), 'utf8');
  writeFileSync(
    file,
    seed.replace('拆除违法建筑154处', '拆除违法建筑145处').replace('惠及4720人次', '惠及4270人次'),
  );
  return file;
}

async function chat(page: Page): Promise<void> {
  await page.goto('#chat');
  await page.fill('#chat-input', '2016年拆除违法建筑多少处？');
  await page.press('#chat-input', 'Enter');
  await page.locator('.turn.assistant .cite').first().waitFor();
  await page.fill('#chat-input', '那2017年呢？');
  await page.press('#chat-input', 'Enter');
  await page.locator('.turn.assistant .turn-tools').nth(1).waitFor();
  await page.locator('.turn.assistant .cite').first().click();
  await page.locator('#drawer table').first().waitFor();
  await page.screenshot({ path: join(docs, 'web-chat.png') });
  await page.click('#drawer-close');
}

async function check(page: Page): Promise<void> {
  await page.goto('#check');
  await page.setInputFiles('#check-file', reportWithMistakes());
  await page.setInputFiles('#check-ledger', join(corpusDir, 'ledgers/ganquan-2016.csv'));
  await page.click('#check-run');
  await page.locator('.problem.contradicted').first().click();
  await page.screenshot({ path: join(docs, 'web-check.png') });
}

async function corpus(page: Page): Promise<void> {
  await page.goto('#corpus');
  await page.locator('#reports-table table').waitFor();
  await page.fill('#search-query', '违法建筑');
  await page.click('#search-form button[type=submit]');
  await page.locator('#search-hits li .where').first().waitFor();
  await page.fill('#trend-metric', '元旦春节帮困救助人次');
  await page.click('#trend-form button[type=submit]');
  await page.locator('#trend-chart svg').waitFor();
  await page.screenshot({ path: join(docs, 'web-corpus.png') });
}

async function drafts(page: Page): Promise<void> {
  await page.goto('#drafts');
  await page.locator('#drafts-list button').first().click();
  await page.locator('#draft-doc mark').first().waitFor();
  await page.screenshot({ path: join(docs, 'web-drafts.png') });
}

async function main(): Promise<void> {
  if (!hasChromium) throw new Error('screenshots need Debian’s chromium (/usr/bin/chromium)');
  const served = await startServe();
  const browser = await launchBrowser();
  try {
    await postJson(`${served.url}api/corpus/bundled`, {});
    await postJson(`${served.url}api/draft/outline`, { year: 2017, fromYear: 2016 });
    const { page } = await openPage(browser, served.url);
    for (const view of [chat, check, corpus, drafts]) await view(page);
    process.stdout.write(`screenshots written to ${docs}/web-*.png\n`);
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();
