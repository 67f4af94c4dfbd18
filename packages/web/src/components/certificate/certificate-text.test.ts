import { describe, expect, it } from 'vitest';
import { lookupMessage, type MessageKey } from '../../i18n/message-key';
import { enUS } from '../../i18n/en-US';
import { zhCN } from '../../i18n/zh-CN';
import { certificateCreditsText } from './certificate-text';

/** The messages as i18next renders them, without a DOM. */
const translator =
  (tree: object) =>
  (key: MessageKey, values: Record<string, string | number> = {}) =>
    (lookupMessage(tree, key) ?? key).replace(/{{(\w+)}}/g, (_m, name: string) =>
      String(values[name]),
    );

describe('certificate credits in words', () => {
  it.each([
    [{ total: 25, byClass: { I: 10, II: 15 } }, '25.0 学分（Ⅰ类 10.0，Ⅱ类 15.0）'],
    [{ total: 12.5, byClass: { II: 12.5 } }, '12.5 学分（Ⅱ类 12.5）'],
    [{ total: 30, byClass: {} }, '30.0 学分'],
  ])('prints %j as the certificate does: %s', (credits, text) => {
    expect(certificateCreditsText(translator(zhCN), credits)).toBe(text);
  });

  it('reads in English too', () => {
    expect(
      certificateCreditsText(translator(enUS), { total: 25, byClass: { I: 10, II: 15 } }),
    ).toBe('25.0 credits (class I 10.0, class II 15.0)');
  });
});
