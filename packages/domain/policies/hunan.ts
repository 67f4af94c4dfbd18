/**
 * Hunan: values as the national rules; passing the annual audit yields the 专业科目培训合格证明,
 * counted as the 60 hours of professional-subject training the HR department requires; and
 * credits count only in the year they are entered.
 */
import type { OverlayPackInput } from '../src/rules/policy-pack';
import { sources } from './sources';

export const hunan: OverlayPackInput = {
  id: 'hunan',
  version: '1.1.0',
  title: '湖南省卫生健康委 关于做好卫生技术人员继续医学教育工作的通知',
  level: 'province',
  code: '430000',
  years: {},
  sources: [sources.seed003],
  rules: {
    // 通知 一(一): 视为完成省人力资源社会保障厅60学时专业科目培训要求.
    certificate: { hours: 60, source: sources.seed003.id },
    // 通知 二(五): 继续医学教育学分按年度录入，方可视为当年有效学分.
    entryYear: { source: sources.seed003.id },
  },
};
