import { describe, expect, it } from 'vitest';
import { lookupMessage } from '../../../../i18n/message-key';
import { zhCN } from '../../../../i18n/zh-CN';
import { provenanceText } from './provenance-text';

const t = (key: string, values: Record<string, string | number> = {}) =>
  (lookupMessage(zhCN, key) ?? key).replace(/{{(\w+)}}/g, (_m, name: string) =>
    String(values[name] ?? ''),
  );

describe('provenanceText', () => {
  it.each([
    ['学分导入.xlsx#row 12', ' · 学分导入.xlsx 第 12 行'],
    ['batch:3f2a:line 4', ' · 授予批次第 4 行'],
    ['platform:9c1d:course-2026-001', ' · 平台推送编号 course-2026-001'],
    ['self-report', ''],
    ['unit entry', ''],
    ['bulk:2026-03-01T00:00:00.000Z:abc#3', ''],
    ['demo', ''],
    [null, ''],
  ])('%s', (ref, text) => {
    expect(provenanceText(t, ref)).toBe(text);
  });
});
