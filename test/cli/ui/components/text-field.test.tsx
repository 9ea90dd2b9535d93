import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../../../../cli/ui/components/text-field.tsx';
import { textWidth } from '../../../../cli/ui/layout/wrap.ts';
import { reactIdle } from '../../../support/react-idle.ts';
import { keys } from '../support.tsx';

let ui: ReturnType<typeof render> | undefined;
afterEach(() => ui?.unmount());

/** Renders a field and returns what was submitted, changed and cancelled. */
function field(initial: string, width = 20) {
  const seen = { submitted: [] as string[], changes: [] as string[], cancelled: 0 };
  ui = render(
    <TextField
      initial={initial}
      width={width}
      onSubmit={(v) => seen.submitted.push(v)}
      onChange={(v) => seen.changes.push(v)}
      onCancel={() => seen.cancelled++}
    />,
  );
  const press = async (k: string) => {
    await reactIdle();
    ui?.stdin.write(k);
  };
  const frame = () => stripVTControlCharacters(ui?.lastFrame() ?? '');
  return { seen, press, frame };
}

describe('TextField', () => {
  it('submits Chinese typed and Enter in the same chunk (no empty submit)', async () => {
    const { seen, press } = field('');
    await press('拆除违法建筑\r');
    expect(seen.submitted).toEqual(['拆除违法建筑']);
  });

  it('submits keys sent before any re-render with their effect applied', async () => {
    const { seen, press } = field('甘泉路');
    await press(keys.backspace);
    ui?.stdin.write('街道');
    ui?.stdin.write(keys.enter);
    await reactIdle();
    expect(seen.submitted).toEqual(['甘泉街道']);
  });

  it.each([
    { name: 'backspace deletes before the cursor', keys: [keys.left, keys.backspace], out: '甘路' },
    { name: 'insert in the middle', keys: [keys.left, '泉'], out: '甘泉泉路' },
    { name: 'Ctrl-A moves to the start', keys: ['\u0001', '新'], out: '新甘泉路' },
    { name: 'Ctrl-U clears before the cursor', keys: ['\u0015', '北'], out: '北' },
    { name: 'Ctrl-K clears after the cursor', keys: [keys.left, keys.left, '\u000B'], out: '甘' },
    { name: 'a character beyond the BMP moves as one', keys: ['𠮷', keys.left, '1'], out: '甘泉路1𠮷' },
  ])('$name', async ({ keys: sequence, out }) => {
    const { seen, press } = field('甘泉路');
    for (const k of sequence) await press(k);
    await press(keys.enter);
    expect(seen.submitted).toEqual([out]);
    expect(seen.changes[seen.changes.length - 1]).toBe(out);
  });

  it('Esc cancels without submitting', async () => {
    const { seen, press } = field('甘泉路');
    await press('x');
    await press(keys.escape);
    await reactIdle();
    expect(seen.cancelled).toBe(1);
    expect(seen.submitted).toEqual([]);
  });

  it('wraps long Chinese text by display width', async () => {
    const { frame, press } = field('丰富为老服务内涵。完成甘泉快捷照护站', 12);
    await press(keys.left);
    const lines = frame().split('\n');
    expect(lines.length).toBe(4);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.join('')).toBe('丰富为老服务内涵。完成甘泉快捷照护站');
  });
});
