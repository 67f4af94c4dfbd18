import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';
import { listMessageKeys, lookupMessage } from './message-key';
import { detectLanguage } from './languages';

describe('message resources', () => {
  it('zh-CN and en-US have identical key sets', () => {
    expect(listMessageKeys(enUS)).toEqual(listMessageKeys(zhCN));
  });

  it('has no empty messages', () => {
    for (const tree of [zhCN, enUS]) {
      for (const key of listMessageKeys(tree)) expect(lookupMessage(tree, key)).not.toBe('');
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: string | undefined) =>
      [...(text ?? '').matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of listMessageKeys(zhCN)) {
      expect(placeholders(lookupMessage(enUS, key)), key).toEqual(
        placeholders(lookupMessage(zhCN, key)),
      );
    }
  });

  it('detects the key sets differing', () => {
    expect(listMessageKeys({ a: 'x', b: { c: 'y' } })).not.toEqual(listMessageKeys({ a: 'x' }));
  });
});

describe('detectLanguage', () => {
  it.each([
    {
      search: '?lang=en-US',
      stored: 'zh-CN',
      serverDefault: null,
      language: 'en-US',
      explicit: true,
    },
    { search: '?lang=fr', stored: 'en-US', serverDefault: null, language: 'en-US', explicit: true },
    { search: '', stored: null, serverDefault: 'en-US', language: 'en-US', explicit: false },
    { search: '', stored: 'garbage', serverDefault: null, language: 'zh-CN', explicit: false },
    { search: '?x=1', stored: null, serverDefault: null, language: 'zh-CN', explicit: false },
  ])('$search / $stored / $serverDefault → $language', (c) => {
    expect(
      detectLanguage({ search: c.search, stored: c.stored, serverDefault: c.serverDefault }),
    ).toEqual({ language: c.language, explicit: c.explicit });
  });
});
