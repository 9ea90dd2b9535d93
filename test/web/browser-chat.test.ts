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

/**
 * Records every text the streaming answer showed, installed before the page's own script runs
 * (browser code as a string: the test program has no DOM types).
 */
const recordStream = `
  window.streamed = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (!(r.target instanceof Element) || !r.target.classList.contains('streaming')) continue;
      for (const node of r.addedNodes) window.streamed.push(node.textContent ?? '');
    }
  }).observe(document, { subtree: true, childList: true });
`;

async function ask(page: Page, question: string): Promise<string> {
  const answers = page.locator('.turn.assistant .turn-tools');
  const before = await answers.count();
  await page.locator('#chat-input').fill(question);
  await page.locator('#chat-input').press('Enter');
  await answers.nth(before).waitFor();
  return (await page.locator('.turn.assistant').last().locator('.answer').textContent()) ?? '';
}

describe.skipIf(!hasChromium)('web page in Chromium: 问答', { timeout: 240_000 }, () => {
  let served: ServedPage;
  let browser: Browser;
  beforeAll(async () => {
    [served, browser] = await Promise.all([startServe(), launchBrowser()]);
    await postJson(`${served.url}api/corpus/bundled`, {});
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('streams a cited answer whose citation opens the passage in its report and the ledger rows', async () => {
    expect(served.log()).toContain(`网页：${served.url}`);
    const { page, errors, context } = await openPage(browser, served.url);
    await page.addInitScript({ content: recordStream });
    await page.goto('/');
    const text = await ask(page, '2016年拆除违法建筑多少处？');
    expect(text).toContain('154处');
    // The answer was shown piece by piece before the final one replaced it.
    const streamed = (await page.evaluate('window.streamed')) as string[];
    expect(streamed.some((s) => s.length > 0 && s.length < text.length && text.startsWith(s))).toBe(true);

    await page.locator('.turn.assistant .answer .cite').first().click();
    const mark = page.locator('#drawer #passage-mark');
    await mark.waitFor();
    expect(await mark.textContent()).toContain('全年共计拆除违法建筑154处');
    expect(await page.locator('#drawer-title').textContent()).toMatch(/^\[1\] 《甘泉路街道2016年工作总结》/);
    const row = page.locator('#drawer tr.hit');
    await row.waitFor();
    expect(await row.textContent()).toContain('ganquan-2016.csv 第14行');
    await page.keyboard.press('Escape');
    await page.locator('#drawer').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows up, filters by year, keeps the conversation across reloads and copies with sources', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    expect(await ask(page, '2016年拆除违法建筑多少处？')).toContain('154处');
    expect(await ask(page, '那2017年呢？')).toContain('127处');

    await page.reload();
    await page.locator('.turn.assistant .turn-tools').nth(1).waitFor();
    expect(await page.locator('.turn.user').allTextContents()).toEqual([
      '问：2016年拆除违法建筑多少处？',
      '问：那2017年呢？',
    ]);

    await page.locator('.turn.assistant').first().getByRole('button', { name: '复制回答和来源' }).click();
    await page.getByText('已复制回答和来源').waitFor();
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toContain('154处');
    expect(copied).toContain('来源：\n[1] 《甘泉路街道2016年工作总结》');
    expect(copied).toContain('数字依据：\n154处：ganquan-2016.csv 第14行');

    await page.locator('#chat-new').click();
    await page.locator('#chat-empty').waitFor();
    await page.locator('#chat-year option[value="2016"]').waitFor({ state: 'attached' });
    await page.locator('#chat-year').selectOption('2016');
    expect(await ask(page, '拆除违法建筑多少处？')).toContain('154处');
    await page.reload();
    await page.locator('.turn.assistant .turn-tools').first().waitFor();
    expect(await page.locator('.turn.user').count()).toBe(1);
    expect(await page.locator('#chat-year').inputValue()).toBe('2016');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable from the keyboard: tab order, visible focus, tabs by Enter', async () => {
    const { page, context } = await openPage(browser, served.url);
    await page.goto('/');
    await page.locator('#chat-year option[value="2016"]').waitFor({ state: 'attached' });
    // Each Tab: the focused element's id (or class) and whether its focus is drawn.
    const focused =
      '[document.activeElement.id || document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]';
    const order: string[] = [];
    for (let i = 0; i < 11; i++) {
      await page.keyboard.press('Tab');
      const [id, outline] = (await page.evaluate(focused)) as [string, string];
      order.push(id);
      expect(outline, id).not.toBe('none');
    }
    expect(order).toEqual([
      'skip',
      'tab-chat',
      'tab-check',
      'tab-corpus',
      'tab-drafts',
      'chat-year',
      'chat-org',
      'chat-new',
      'chat-log',
      'chat-input',
      'chat-send',
    ]);

    await page.locator('#tab-corpus').focus();
    await page.keyboard.press('Enter');
    await page.locator('#view-corpus').waitFor();
    expect(await page.locator('#view-chat').isHidden()).toBe(true);
    expect(await page.locator('#tab-corpus').getAttribute('aria-current')).toBe('page');
    // The skip link moves focus to the content without leaving the view.
    await page.locator('.skip').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    expect(await page.locator('#view-corpus').isVisible()).toBe(true);
    await context.close();
  });
});

describe.skipIf(!hasChromium)('web page in Chromium: a server with a token', { timeout: 240_000 }, () => {
  let served: ServedPage;
  let browser: Browser;
  beforeAll(async () => {
    [served, browser] = await Promise.all([startServe({ GOVDRAFT_TOKEN: 'office-secret' }), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('asks for the token once per session, again when it is wrong, and never puts it in the address', async () => {
    const { page, errors, context } = await openPage(browser, served.url);
    await page.goto('/');
    const dialog = page.locator('#token-dialog');
    await dialog.waitFor();
    await page.locator('#token-input').fill('wrong');
    await page.locator('#token-input').press('Enter');
    await page.getByText('访问令牌不正确，请重新输入。').waitFor();
    await page.locator('#token-input').fill('office-secret');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('报告 0 篇 · 台账 0 条 · 离线模式（未配置模型）').waitFor();
    expect(await dialog.isHidden()).toBe(true);
    expect(page.url()).not.toContain('office-secret');

    await page.reload();
    await page.getByText('报告 0 篇').waitFor();
    expect(await dialog.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();

    const fresh = await openPage(browser, served.url);
    await fresh.page.goto('/');
    await fresh.page.locator('#token-dialog').waitFor();
    await fresh.context.close();
  });
});
