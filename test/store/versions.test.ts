import { describe, expect, it } from 'vitest';
import type { GovdraftError } from '../../server/errors.ts';
import { type StoredReportKey, supersededBy } from '../../server/store/versions.ts';
import { buildReport } from '../support/report-builder.ts';

const key = (id: string, fields: Partial<StoredReportKey>): StoredReportKey => ({
  id,
  fileName: null,
  title: '',
  org: null,
  year: null,
  chunks: 1,
  ...fields,
});

const stored = [
  key('a', { fileName: '2016.txt', title: '甘泉路街道2016年工作总结', org: '甘泉路街道', year: 2016 }),
  key('b', { fileName: 'other.docx', title: '宜川路街道2017年工作总结', org: '宜川路街道', year: 2017 }),
  key('c', { title: '工作总结', year: 2016 }),
];

const ids = (keys: StoredReportKey[]): string[] => keys.map((k) => k.id);

describe('supersededBy', () => {
  it.each([
    {
      name: 'the same office and year, edited title, other file name',
      sketch: {
        title: '甘泉路街道2016年工作总结(修订稿)',
        org: '甘泉路街道',
        year: 2016,
        fileName: 'renamed.txt',
      },
      expected: ['a'],
    },
    {
      name: 'the same file name from another office',
      sketch: { title: '长风街道2016年工作总结', org: '长风街道', year: 2016, fileName: '2016.txt' },
      expected: [],
    },
    {
      name: 'the same file name with neither office nor year known',
      sketch: { title: '改过标题', fileName: '2016.txt' },
      expected: [],
    },
    {
      name: 'the same office, another year',
      sketch: { title: '甘泉路街道2017年工作总结', org: '甘泉路街道', year: 2017, fileName: '2016.txt' },
      expected: [],
    },
    {
      name: 'the same title and year, office unknown',
      sketch: { title: '工作总结', year: 2016 },
      expected: [],
    },
    {
      name: 'nothing in common',
      sketch: { title: '新报告', org: '新街道', year: 2018, fileName: 'new.md' },
      expected: [],
    },
  ])('$name → $expected', ({ sketch, expected }) => {
    expect(ids(supersededBy(stored, buildReport(sketch)))).toEqual(expected);
  });

  it('replaces a report named explicitly, whatever it is', () => {
    const report = buildReport({ title: '长风街道2016年工作总结', org: '长风街道', year: 2016 });
    expect(ids(supersededBy(stored, report, ['c']))).toEqual(['c']);
  });

  it('refuses to replace a report that is not stored', () => {
    const report = buildReport({ title: '长风街道2016年工作总结', org: '长风街道', year: 2016 });
    const error = (() => {
      try {
        supersededBy(stored, report, ['f00dfeed']);
      } catch (e) {
        return e as GovdraftError;
      }
      return null;
    })();
    expect(error?.code).toBe('not_found');
    expect(error?.messageZh).toBe('没有找到要替换的报告 f00dfeed，未导入任何内容');
  });

  it('never supersedes the very same content', () => {
    const report = buildReport({
      title: '甘泉路街道2016年工作总结',
      org: '甘泉路街道',
      year: 2016,
      fileName: '2016.txt',
    });
    const same = key(report.id, { fileName: '2016.txt', org: '甘泉路街道', year: 2016 });
    expect(supersededBy([same], report)).toEqual([]);
  });
});
