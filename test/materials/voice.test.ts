import { describe, expect, it } from 'vitest';
import { reportVoice } from '../../server/materials/voice.ts';

describe('a material sentence in the report’s voice', () => {
  it.each([
    ['我办全年新建社区长者食堂2个。', '社区服务办公室', '全年新建社区长者食堂2个。'],
    ['本科室牵头完成了老旧小区综合整治；', '社区管理科', '完成了老旧小区综合整治。'],
    ['一是我科积极推进垃圾分类，', '社区管理科', '推进垃圾分类。'],
    ['本居委完成加装电梯2台；', '甘泉苑居委会', '甘泉苑居民区完成加装电梯2台。'],
    ['本居委的甘泉苑社区长者食堂于5月投入运营。', '甘泉苑居委会', '甘泉苑社区长者食堂于5月投入运营。'],
    ['我街道连续八年创建上海市平安社区', '社区平安办公室', '街道连续八年创建上海市平安社区。'],
    [
      '今年以来，我们共办理工单1200件（详见附件2）。',
      '网格化综合管理中心',
      '网格化综合管理中心共办理工单1200件。',
    ],
    ['（三）完成科学普及活动12场。', '社区文化活动中心', '完成科学普及活动12场。'],
    ['我部高标准完成年度征兵任务。', '街道武装部', '高标准完成年度征兵任务。'],
    [
      '在国防教育日期间，本部联合社区学校开展讲座6场。',
      '街道武装部',
      '在国防教育日期间，联合社区学校开展讲座6场。',
    ],
    ['本部门牵头开展培训3期。', '街道武装部', '开展培训3期。'],
  ])('%s (%s) → %s', (sentence, department, expected) => {
    expect(reportVoice(sentence, department).text).toBe(expected);
  });

  it('says what it changed', () => {
    expect(reportVoice('我办全年新建社区长者食堂2个。', '社区服务办公室').notes).toEqual(['去掉“我办”']);
  });

  it('leaves a sentence with nothing to change as it is', () => {
    const sentence = '全年拆除违法建筑127处，7864平方米。';
    expect(reportVoice(sentence, '社区管理办公室')).toEqual({ text: sentence, notes: [] });
  });
});
