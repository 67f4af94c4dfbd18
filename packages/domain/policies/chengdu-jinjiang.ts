/** Chengdu, Jinjiang district: its online Class II learning is 1 credit per 6 hours. */
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
  },
};
