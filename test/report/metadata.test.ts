import { describe, expect, it } from 'vitest';
import { isMetadataLine, metadataField, orgField, titleField } from '../../server/report/metadata.ts';

describe('isMetadataLine: the metadata blocks of government sites', () => {
  it.each([
    ['pipe table row', '索引号 | K16059504/2024-117342 | ||'],
    ['pipe table row, two fields', '组配分类 | 计划总结 | 发布机构 | 东柳街道 |'],
    ['bracketed labels', '[ 索引号 ] | 115001130093083510/2024-00007 | [ 发文字号 ] | 木洞府发〔2024〕2号 |'],
    ['spaced label', '索 引 号:014109517/2020-00008'],
    ['spaced labels in a table', '浏览次数: | 有 效 性: | 成文日期: | 2021-02-27 | ||'],
    ['title field', '标 题: | 沙沟镇2021年政府工作报告 |'],
    ['bulleted label alone', '• 信息索引号:'],
    ['label and value without colon', '效力状况 有效'],
    ['several labels without colons', '公开形式 网站 公开方式 主动公开 公开范围 面向社会'],
    ['labels with a bracketed level', '主题(一级) 其他 主题(二级) 其他 关键词 规划,统计,经济'],
    ['index number alone', '1137010400419034XU/2023-5407598'],
    ['date alone', '2023-01-16'],
    ['date and time alone', '2022-01-13 15:19:46'],
    ['source and date line', '信息来源:中山市民政局 发布日期:2022-01-29 分享:'],
    ['content summary', '内容概述 华庄街道2022年工作总结'],
    ['font size bar', '字体大小:【大】 【中】 【小】'],
  ])('%s: %s', (_, line) => {
    expect(isMetadataLine(line)).toBe(true);
  });

  it.each([
    '来源广泛的社会力量参与社区治理,形成了“政府指导、中介机构服务、业主和物业服务企业共同参与”的住宅小区自治管理新模式。',
    '主题教育扎实开展。',
    '标题党不可取。',
    '2016年',
    '丰富为老服务内涵。',
    '东柳街道2023年工作总结和2024年工作思路 |',
    '',
  ])('not metadata: %s', (line) => {
    expect(isMetadataLine(line)).toBe(false);
  });
});

describe('metadata fields', () => {
  it.each([
    [
      '标题:长治市上党区统计局2020年工作总结暨2021年工作计划 | |',
      '长治市上党区统计局2020年工作总结暨2021年工作计划',
    ],
    ['标 题: | 沙沟镇2021年政府工作报告 |', '沙沟镇2021年政府工作报告'],
    ['信息名称:常州市城市管理局2019年工作总结', '常州市城市管理局2019年工作总结'],
    ['内容概述 华庄街道2022年工作总结', '华庄街道2022年工作总结'],
  ])('title field of %s', (line, title) => {
    const value = titleField(line);
    expect(value && line.slice(value.start, value.end)).toBe(title);
  });

  it.each([
    ['信息来源:中山市民政局 发布日期:2022-01-29 分享:', '中山市民政局'],
    ['发文机关:长治市上党区统计局 | 主题词: |', '长治市上党区统计局'],
    ['[ 发布机构 ] | 巴南区木洞镇 | [ 有效性 ] | |', '巴南区木洞镇'],
    ['索引号: | |', null],
  ])('office field of %s', (line, org) => {
    expect(orgField(line)).toBe(org);
  });

  it('gives an empty value for a label whose value is on the next line', () => {
    const field = metadataField('• 发布机构:');
    expect(field?.label).toBe('发布机构');
    expect(field && field.value.end - field.value.start).toBe(0);
  });
});
