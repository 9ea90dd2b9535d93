/** The workspace's keys as a terminal may deliver them: several in one chunk, across a change of mode. */
import { afterEach, describe, expect, it } from 'vitest';
import { keys, openWorkspaceUi, type TestApi, type Ui } from './support.tsx';

let api: TestApi | undefined;
let ui: Ui | undefined;
afterEach(async () => {
  await ui?.close();
  api?.close();
});

async function open(): Promise<Ui> {
  const opened = await openWorkspaceUi();
  api = opened.api;
  ui = opened.ui;
  return opened.ui;
}

describe('workspace keys', () => {
  it('a key sent with the one that changes the mode reaches the new mode', async () => {
    const ui = await open();
    // c opens the problems view; ↓ in the same chunk is the problems view's: the next problem.
    await ui.press(`c${keys.down}`);
    await ui.until(/问题 2\/\d+/);
    // q goes back to the outline; ↓ in the same chunk moves the selection from 标题 to 开头.
    await ui.press(`q${keys.down}`);
    const frame = await ui.until(/│ 开头\s*\n/);
    expect(frame).toContain('g 生成');
    expect(frame).not.toMatch(/问题 \d+\/\d+/);
  });

  it('x offers the four formats by name; Esc closes the choice', async () => {
    const ui = await open();
    await ui.press('x');
    const frame = await ui.until('导出为');
    expect(frame).toContain('导出为:1 .md 2 .docx 3 .txt 4 批注版 .docx');
    await ui.press(keys.escape);
    await ui.until((f) => !f.includes('导出为') && f.includes('g 生成'));
  });

  it('Esc leaves an edit without saving it', async () => {
    const ui = await open();
    await ui.press('e');
    await ui.until('Enter 保存');
    await ui.press('(草稿)');
    await ui.until('(草稿)');
    await ui.press(keys.escape);
    const frame = await ui.until('g 生成');
    expect(frame).not.toContain('(草稿)');
  });
});
