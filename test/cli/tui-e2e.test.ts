/**
 * The terminal UI end to end: the real built `govdraft` in a real terminal (tmux), driven by keys as
 * a writer would, on a fresh data dir with the bundled corpus.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { packageRoot } from '../../server/paths.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) process.stderr.write('tui-e2e: tmux is not installed (apt-get install -y tmux); skipping\n');

const bin = join(packageRoot, 'dist/cli/main.js');

/** One tmux server (own socket) running govdraft in a 100×30 window. */
class Terminal {
  private readonly socket = `govdraft-e2e-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], {
      encoding: 'utf8',
      env: this.env,
      cwd: this.cwd,
    });
  }

  /** Starts `govdraft <args>`; when it exits the window stays, showing EXITED:<code>. */
  start(args: string[]): void {
    const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');
    this.tmux(
      'new-session',
      '-d',
      '-s',
      'gd',
      '-x',
      '100',
      '-y',
      '30',
      `${command}; echo EXITED:$?; sleep 600`,
    );
  }

  /** Runs govdraft again in the same window (after it exited). */
  restart(args: string[]): void {
    const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');
    this.tmux('respawn-pane', '-k', '-t', 'gd', `${command}; echo EXITED:$?; sleep 600`);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'gd');
  }

  /** Keys by tmux name (Down, Enter, Escape, C-u) or literal text with `{ text }`. */
  send(...keys: (string | { text: string })[]): void {
    for (const key of keys) {
      if (typeof key === 'string') this.tmux('send-keys', '-t', 'gd', key);
      else this.tmux('send-keys', '-t', 'gd', '-l', key.text);
    }
  }

  /** What the last `until` waits for, and the screen it saw last: printed when a test fails. */
  waiting: { text: string; screen: string } | null = null;

  /**
   * Waits until the screen shows `text` (or matches it). A terminal tells nobody when it redraws, so
   * the screen is read every 100 ms; there is no clock of its own: the test's timeout is the last
   * guard, however slow the machine.
   */
  async until(text: string | RegExp): Promise<string> {
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) {
        this.waiting = null;
        return screen;
      }
      this.waiting = { text: String(text), screen };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The pid of the govdraft process running in the window. */
  govdraftPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', 'gd', '#{pane_pid}').trim();
    const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    return Number(child);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

let term: Terminal | undefined;
let dirs: string[] = [];
let model: OpenAIServer | undefined;
afterEach(async () => {
  term?.close();
  term = undefined;
  await model?.close();
  model = undefined;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A fresh data dir and working dir, and the environment govdraft runs in (never CI: Ink would not redraw). */
function setup(extra: NodeJS.ProcessEnv = {}): { dataDir: string; cwd: string; env: NodeJS.ProcessEnv } {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-e2e-data-'));
  const cwd = mkdtempSync(join(tmpdir(), 'govdraft-e2e-cwd-'));
  dirs.push(dataDir, cwd);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    LANCEDB_LOG: 'error',
    ...extra,
  };
  return { dataDir, cwd, env };
}

/** From the home screen to the workspace of a new 2017 draft. */
async function newDraft(t: Terminal): Promise<void> {
  await t.until('核对文稿中的每一个数字');
  t.send('1');
  await t.until('开始起草');
  t.send('Down', 'Down', 'Down', 'Enter');
  await t.until(/相符 \d+ · 不符 0/);
}

/** Each test runs the built CLI several times on a fresh data dir: a last guard for a busy machine. */
const e2eTimeout = 240_000;

describe.skipIf(!hasTmux)('govdraft terminal UI in tmux', { timeout: e2eTimeout }, () => {
  beforeEach(() =>
    onTestFailed(() => {
      if (term?.waiting)
        process.stderr.write(
          `screen never showed ${term.waiting.text}; last screen:\n${term.waiting.screen}\n`,
        );
    }),
  );
  it('opens the workspace on the bundled corpus, generates part (二), exports .md', async () => {
    const { dataDir, cwd, env } = setup();
    term = new Terminal(cwd, env);
    term.start(['--data-dir', dataDir]);
    await newDraft(term);
    term.send('Down', 'Down', 'Down');
    await term.until('(二)补齐发展短板');
    term.send('g');
    await term.until('已生成 · 沿用上年');
    term.send('x');
    await term.until('导出为');
    term.send('1');
    await term.until('导出到');
    term.send('Enter');
    await term.until('已导出');
    const text = readFileSync(join(cwd, '甘泉路街道2017年工作总结.md'), 'utf8');
    expect(text.split('\n')[0]).toBe('# 甘泉路街道2017年工作总结');
    const part2 = text.slice(text.indexOf('## (二)'), text.indexOf('## (三)'));
    expect(part2).toContain('## (二)补齐发展短板,公共管理走向精细');
    // 2017's figures, in the 2017 material's words (the draft is built from the bundled materials).
    expect(part2).toMatch(/拆除违法建筑127处[,\uFF0C]7864平方米/);
    expect(part2).not.toContain('154处');
    term.send('q');
    await term.until('继续上次的草稿');
    term.send('q');
    await term.until('EXITED:0');
  });

  it('govdraft draft on a terminal opens the new draft in the workspace', async () => {
    const { dataDir, cwd, env } = setup();
    term = new Terminal(cwd, env);
    term.start(['--data-dir', dataDir, 'draft', '--year', '2017']);
    const screen = await term.until(/相符 \d+ · 不符 0/);
    expect(screen).toContain('govdraft 起草 · 甘泉路街道2017年工作总结');
    expect(screen).toContain('(二)补齐发展短板');
    term.send('q');
    await term.until('继续上次的草稿 甘泉路街道2017年工作总结');
    term.send('q');
    await term.until('EXITED:0');
  });

  it('killed in the middle of a generation, it reopens the draft with nothing lost', async () => {
    model = await startOpenAIServer();
    model.script('chat', { hang: true });
    const { dataDir, cwd, env } = setup({
      OPENAI_BASE_URL: model.baseURL,
      GOVDRAFT_CHAT_MODEL: 'slow-model',
    });
    term = new Terminal(cwd, env);
    term.start(['--data-dir', dataDir]);
    await newDraft(term);
    // A change before the generation: part (二) gets a new title.
    term.send('Down', 'Down', 'Down');
    await term.until('(二)补齐发展短板');
    term.send('e');
    await term.until('Enter 保存');
    term.send('C-u', { text: '补齐短板,城市管理精细化' }, 'Enter');
    await term.until('(二)补齐短板,城市管理精细化');
    await term.until(/已保存 \d/);
    const [file] = execFileSync('ls', [join(dataDir, 'drafts')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const before = readFileSync(join(dataDir, 'drafts', file), 'utf8');
    term.send('Enter', 'Down', 'g');
    await term.until('正在生成');
    await expect.poll(() => model?.count('chat') ?? 0, { timeout: e2eTimeout }).toBeGreaterThan(0);
    process.kill(term.govdraftPid(), 'SIGKILL');
    await term.until('EXITED:137');
    // The saved draft is whole and holds every change made before the kill.
    const after = readFileSync(join(dataDir, 'drafts', file), 'utf8');
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
    term.restart(['--data-dir', dataDir]);
    await term.until('继续上次的草稿 甘泉路街道2017年工作总结');
    term.send('Enter');
    await term.until('(二)补齐短板,城市管理精细化');
    term.send('Down', 'Down', 'Down', 'Enter', 'Down');
    const screen = await term.until('(二)第1段 · 今年材料');
    expect(screen).toContain('社区人居环境得以改善');
  });

  it('Ctrl-C in the middle of an edit saves the edit, then quits', async () => {
    const { dataDir, cwd, env } = setup();
    term = new Terminal(cwd, env);
    term.start(['--data-dir', dataDir]);
    await newDraft(term);
    term.send('e');
    await term.until('Enter 保存');
    term.send({ text: '(送审稿)' });
    await term.until('(送审稿)');
    term.send('C-c');
    await term.until('EXITED:0');
    term.restart(['--data-dir', dataDir]);
    await term.until('继续上次的草稿 甘泉路街道2017年工作总结(送审稿)');
  });
});
