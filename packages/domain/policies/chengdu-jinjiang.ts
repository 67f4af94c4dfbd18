/**
 * Chengdu, Jinjiang district: its online Class II learning is 1 credit per 6 hours, and a
 * provincial project must be found among the filed projects.
 */
import type { OverlayPackInput } from '../src/rules/policy-pack';
import { sources } from './sources';

export const chengduJinjiang: OverlayPackInput = {
  id: 'chengdu-jinjiang',
  version: '1.0.0',
  title: '成都市锦江区 继教学分录入指南 (2020)',
  level: 'district',
  code: '510104',
  years: {},
  sources: [sources.seed004, sources.scenarioReadme],
  rules: {
    // 锦江区医学会Ⅱ类学分: 1学分对应6学时.
    valuation: { online_course: { credits: 1, per: 6, source: sources.seed004.id } },
    // (三) 省级II类学分: 在历年项目中查询该项目是否备案 (said again here, as the guide does).
    filedProjects: { levels: ['provincial'], source: sources.seed004.id },
  },
};
