/** The office a screen shows, stepped through with a key: the reducer alone, no rendering. */
import { describe, expect, it } from 'vitest';
import { noOffice, officeLabel, officePick } from '../../../cli/ui/office-pick.ts';
import type { OfficeEntry } from '../../../server/figures/index.ts';

const office = (short: string): OfficeEntry => ({
  name: `上海市杨浦区人民政府${short}办事处`,
  short,
  reports: 1,
  ledgerRecords: 2,
  years: [2023],
});
const [a, b] = [office('五角场街道'), office('殷行街道')];

describe('officePick', () => {
  it('steps from every office through each office and back, both ways', () => {
    const loaded = officePick(noOffice, { type: 'loaded', offices: [a, b] });
    expect(loaded.chosen).toBeNull();
    const seen = [loaded];
    for (let i = 0; i < 3; i++) seen.push(officePick(seen[seen.length - 1], { type: 'next' }));
    expect(seen.map((s) => s.chosen?.short ?? null)).toEqual([null, '五角场街道', '殷行街道', null]);
    expect(officePick(loaded, { type: 'previous' }).chosen?.short).toBe('殷行街道');
  });

  it('keeps the chosen office across a reload while the store still holds it', () => {
    const chosen = officePick(officePick(noOffice, { type: 'loaded', offices: [a, b] }), { type: 'next' });
    expect(officePick(chosen, { type: 'loaded', offices: [b, a] }).chosen).toBe(a);
    expect(officePick(chosen, { type: 'loaded', offices: [b] }).chosen).toBeNull();
  });

  it('does nothing with no offices loaded', () => {
    expect(officePick(noOffice, { type: 'next' })).toBe(noOffice);
  });

  it('labels the pick for the header', () => {
    const loaded = officePick(noOffice, { type: 'loaded', offices: [a, b] });
    expect(officeLabel(loaded)).toBe('单位：全部（共 2 个）');
    expect(officeLabel(officePick(loaded, { type: 'previous' }))).toBe('单位：殷行街道（2/2）');
    // One office: nothing to choose, nothing said.
    expect(officeLabel(officePick(noOffice, { type: 'loaded', offices: [a] }))).toBe('');
  });
});
