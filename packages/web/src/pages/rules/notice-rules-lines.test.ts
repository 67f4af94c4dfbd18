import { describe, expect, it } from 'vitest';
import { defaultPolicyPacks } from '@jijiao/domain';
import { lookupMessage } from '../../i18n/message-key';
import { zhCN } from '../../i18n/zh-CN';
import { ruleSections } from './rules-lines';

/** The rules of issue 23 on the 规则 page: residency, remote education, the year of entry. */
const t = (key: string, values: Record<string, string | number> = {}) =>
  (lookupMessage(zhCN, key) ?? `«${key}»`).replace(/{{(\w+)}}/g, (_m, name: string) =>
    String(values[name] ?? `«${name}»`),
  );

const sectionsOf = (id: string) => {
  const pack = defaultPolicyPacks.find((p) => p.id === id);
  if (!pack) throw new Error(id);
  return Object.fromEntries(ruleSections(t, pack.rules));
};

describe('rules from the notices in words', () => {
  it.each(['national-2006', 'national-2024'])('%s: a residency year meets the year', (id) => {
    expect(sectionsOf(id).valuation).toContainEqual({
      text: '住院医师规范化培训（规培）：年度考核合格的，视为达到当年要求（不另计学分）；考核未合格的不授分，最后一年须结业考核合格',
      source: 'residency-assumption',
    });
  });

  it('national-2006: remote education at most 10 a year', () => {
    expect(sectionsOf('national-2006').yearCaps).toContainEqual({
      text: '国家级继续医学教育项目（远程参加）（学员） 合计每年最多 10 学分',
      source: 'measures-2006-copies',
    });
  });

  it('hunan: credits count in the year they are entered', () => {
    expect(sectionsOf('hunan').entryYear).toEqual([
      {
        text: '学分按年度录入，方可视为当年有效学分：学分年度结束后不再受理该年度的学分录入',
        source: 'seed-003',
      },
    ]);
    expect(sectionsOf('national-2024').entryYear).toBeUndefined();
  });
});
