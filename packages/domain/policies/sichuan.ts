/**
 * Sichuan (《四川省继续医学教育学分管理办法（试行）》川卫发〔2017〕134号, as the Jinjiang
 * district guide of 2020 applies it): out-of-province projects count only if national, and
 * further study spanning two years counts in the year its certificate was issued, and a
 * provincial project counts only when found among the filed projects.
 */
import type { OverlayPackInput } from '../src/rules/policy-pack';
import { sources } from './sources';

export const sichuan: OverlayPackInput = {
  id: 'sichuan',
  version: '1.0.0',
  title: '四川省继续医学教育学分管理办法（试行）',
  level: 'province',
  code: '510000',
  years: {},
  sources: [sources.seed004, sources.scenarioReadme],
  rules: {
    // 锦江区指南 (五) 外省项目: 只认国家级I类项目学分.
    recognition: { outOfProvinceProjectLevels: ['national'], source: sources.seed004.id },
    // 锦江区指南 (八) 进修: 跨年进修的，以进修合格证获得时间为准.
    crossYearByCertificate: { types: ['further_study'], source: sources.seed004.id },
    // 锦江区指南 (三) 省级II类学分: 在历年项目中查询该项目是否备案; 若备案，上传学分原件证明.
    filedProjects: { levels: ['provincial'], source: sources.seed004.id },
  },
};
