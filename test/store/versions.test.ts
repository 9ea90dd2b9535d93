import { describe, expect, it } from 'vitest';
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
  key('c', { title: '工作总结' }),
];

describe('supersededBy', () => {
  it.each([
    {
      name: 'same file name, new content',
      sketch: { title: '改过标题', fileName: '2016.txt' },
      expected: ['a'],
    },
    {
      name: 'same title, office and year from another file',
      sketch: { title: '甘泉路街道2016年工作总结', org: '甘泉路街道', year: 2016, fileName: 'renamed.txt' },
      expected: ['a'],
    },
    {
      name: 'same title, other year',
      sketch: { title: '甘泉路街道2016年工作总结', org: '甘泉路街道', year: 2017 },
      expected: [],
    },
    { name: 'a bare title without office or year', sketch: { title: '工作总结' }, expected: [] },
    {
      name: 'nothing in common',
      sketch: { title: '新报告', org: '新街道', year: 2018, fileName: 'new.md' },
      expected: [],
    },
  ])('$name → $expected', ({ sketch, expected }) => {
    expect(supersededBy(stored, buildReport(sketch))).toEqual(expected);
  });

  it('never supersedes the very same content', () => {
    const report = buildReport({
      title: '甘泉路街道2016年工作总结',
      org: '甘泉路街道',
      year: 2016,
      fileName: '2016.txt',
    });
    expect(supersededBy([key(report.id, { fileName: '2016.txt' })], report)).toEqual([]);
  });
});
