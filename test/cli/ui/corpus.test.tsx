import { describe, expect, it } from 'vitest';
import { bundledApp, keys } from './support.tsx';

const app = bundledApp();

describe('corpus view', () => {
  it('lists the stored reports and the ledger by year; the selected report’s text shows on the right', async () => {
    const ui = app.show({ name: 'corpus' });
    const frame = await ui.until('过去的一年');
    expect(frame).toContain('甘泉路街道2016年工作总结');
    expect(frame).toMatch(/台账 2016年\(\d+ 项\)/);
    expect(frame).toMatch(/台账 2017年\(\d+ 项\)/);
  });

  it('↓ selects a ledger year and shows its rows with values, units and notes', async () => {
    const ui = app.show({ name: 'corpus' });
    await ui.until('过去的一年');
    await ui.press(keys.down, keys.down);
    const frame = await ui.until('社区互助养老服务次数 3,620 次');
    expect(frame).toContain('示例数据');
  });

  it('/ searches past reports and lists cited passages', async () => {
    const ui = app.show({ name: 'corpus' });
    await ui.until('过去的一年');
    await ui.press('/');
    await ui.until('Esc 取消');
    await ui.press('拆除违法建筑', keys.enter);
    const frame = await ui.until('[1] 《甘泉路街道2016年工作总结》');
    expect(frame).toContain('检索“拆除违法建筑”的结果');
    expect(frame).toContain('154处');
  });

  it('PgDn scrolls the report', async () => {
    const ui = app.show({ name: 'corpus' });
    await ui.until('过去的一年');
    await ui.press(keys.pageDown, keys.pageDown);
    const frame = await ui.until((f) => !f.includes('过去的一年'));
    expect(frame).toContain('甘泉路街道2016年工作总结');
  });
});
