import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { runCli } from '../support/cli.ts';
import { demolitionQuestion, inventThenCorrect } from '../support/inventing-model.ts';
import { scriptedChatEnv, startOpenAIServer } from '../support/openai-server.ts';

describe('govdraft chat (built command, stdin piped)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-chat-cli-'));
    await runCli(['ingest', join(corpusDir, 'reports')], { dataDir });
    for (const name of ['ganquan-2016.csv', 'ganquan-2017-sample.csv']) {
      await runCli(['ledger', 'import', join(corpusDir, 'ledgers', name)], { dataDir });
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers line by line, resolving follow-ups, and starts over on /new', async () => {
    const input = [
      '2016年帮困救助总金额是多少?',
      '那2017年呢?',
      '',
      '/new',
      '那2017年呢?',
      '/exit',
      '不会被问到',
    ].join('\n');
    const run = await runCli(['chat'], { dataDir, input });
    expect(run.code, run.stderr).toBe(0);
    const turns = run.stdout.split(/^问:/m).slice(1);
    expect(turns).toHaveLength(3);
    expect(turns[0]).toContain('元旦春节帮困救助总金额为139.76万元[1]');
    expect(turns[1]).toContain('元旦春节帮困救助总金额为152.34万元(示例数据)');
    expect(turns[1]).toContain('(已开始新话题)');
    expect(turns[2]).toContain('语料中没有找到');
    expect(run.stdout).not.toContain('不会被问到');
  });

  it('with a model, never prints a figure the guard rejects', async () => {
    const model = await startOpenAIServer({ reply: inventThenCorrect() });
    try {
      const run = await runCli(['chat'], {
        dataDir,
        input: `${demolitionQuestion}\n/exit\n`,
        env: scriptedChatEnv(model),
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(/169|69处/);
      expect(run.stdout).toMatch(/拆除违法建筑154处\[\d\]/);
    } finally {
      await model.close();
    }
  });

  it('reports a bad question and goes on with the next', async () => {
    const input = [`${'拆'.repeat(3000)}?`, '2016年有几名青年光荣入伍?'].join('\n');
    const run = await runCli(['chat'], { dataDir, input });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('问题过长:最多 2000 字,收到 3001 字');
    expect(run.stdout).toContain('入伍青年人数为8名[1]');
  });
});
