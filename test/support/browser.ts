import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { packageRoot } from '../../server/paths.ts';

/** Debian's Chromium (.ci/run installs the package); browser tests skip, saying so, without it. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    'skipped: web page browser tests need Debian chromium (/usr/bin/chromium; apt-get install chromium)',
  );
}

/** Headless Chromium with no network of its own: it only talks to the server under test. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A Chinese office's browser: file inputs read 选择文件.
      '--lang=zh-CN',
    ],
  });
}

export interface ServedPage {
  /** The page's address as `govdraft serve` printed it (网页：…). */
  url: string;
  dataDir: string;
  /** Everything the server wrote to stderr so far. */
  log(): string;
  close(): Promise<void>;
}

/** Resolves with the page address once the server prints it; rejects if the process ends first. */
function pageAddress(child: ChildProcess, log: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /网页：(http:\/\/\S+)/.exec(log());
      if (match) {
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`govdraft serve exited (${code}) before serving:\n${log()}`)),
    );
  });
}

/** Runs the built `govdraft serve` as a child process on a free port with a fresh data dir. */
export async function startServe(env: NodeJS.ProcessEnv = {}): Promise<ServedPage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-web-'));
  const child = spawn(
    process.execPath,
    [join(packageRoot, 'dist/cli/main.js'), '--data-dir', dataDir, 'serve', '--port', '0'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANCEDB_LOG: 'error', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await pageAddress(child, () => stderr);
  return {
    url,
    dataDir,
    log: () => stderr,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page at 1366×768 in a Chinese browser; script errors are collected for the test to assert on. */
export async function openPage(
  browser: Browser,
  baseURL: string,
): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    baseURL,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  // A busy machine (2 cores, several suites) may take a while to answer: wait on state, generously.
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, context };
}

/** POSTs JSON to the server under test (setup through the API, as another client would). */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}
