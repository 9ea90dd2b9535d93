import { describe, expect, it } from 'vitest';
import { isOfficeName, orgKeys, sameOrg } from '../../server/report/org.ts';

describe('sameOrg: one office under its short and full names', () => {
  it.each([
    ['殷行街道', '上海市杨浦区人民政府殷行街道办事处'],
    ['五角场街道', '五角场街道办事处'],
    ['交道口街道', '北京市东城区人民政府交道口街道办事处'],
    ['木洞镇', '重庆市巴南区木洞镇人民政府'],
    ['总铺镇', '总铺镇政府'],
    ['澧浦镇', '(金华市)金东区澧浦镇'],
    ['星沙街道', '长沙县星沙街道'],
    ['上党区统计局', '长治市上党区统计局'],
    ['婺城区民政局', '金华市婺城区民政局'],
    ['蠡园街道', '蠡园开发区(蠡园街道)'],
    ['蠡园开发区', '蠡园开发区(蠡园街道)'],
    ['东湖街道', '北京市朝阳区东湖街道办事处筹备处'],
    ['金融街街道', '西城区金融街街道'],
  ])('%s = %s', (a, b) => {
    expect(sameOrg(a, b)).toBe(true);
    expect(sameOrg(b, a)).toBe(true);
  });

  it.each([
    ['五角场街道', '殷行街道'],
    ['长治市统计局', '长治市上党区统计局'],
    ['常州市城市管理局', '无锡市城市管理局'],
    ['中山市民政局', '婺城区民政局'],
    ['西城区金融街街道', '东城区交道口街道'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameOrg(a, b)).toBe(false);
  });

  it('keeps the district of a department and the name of a place office', () => {
    expect(orgKeys('常州市城市管理局')).toEqual(['常州市城市管理局']);
    expect(orgKeys('上海市杨浦区人民政府殷行街道办事处')).toEqual(['殷行街道']);
    expect(orgKeys('蠡园开发区(蠡园街道)')).toEqual(['蠡园开发区', '蠡园街道']);
  });
});

describe('isOfficeName', () => {
  it.each(['甘泉路街道', '北京市朝阳区东湖街道办事处筹备处', '蠡园开发区(蠡园街道)', '总铺镇政府', '经开区'])(
    'office: %s',
    (name) => {
      expect(isOfficeName(name)).toBe(true);
    },
  );
  it.each([
    '民政',
    '2016年工作',
    '首页',
    '北京市东城区人民政府交道口街道办事处2016年政府信息公开工作年度报告',
  ])('not an office: %s', (name) => {
    expect(isOfficeName(name)).toBe(false);
  });
});
