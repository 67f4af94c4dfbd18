import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { errorText } from './error-message';
import { lookupMessage, type MessageKey } from './message-key';
import { zhCN } from './zh-CN';

/** i18next's interpolation, enough for these messages: `{{name}}` from the values. */
const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
  (lookupMessage(zhCN, key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values[name] ?? `{{${name}}}`),
  );

describe('errorText', () => {
  it('names the day a calendar closed entry and review, from the error’s details', () => {
    const closed = (code: 'entry_closed' | 'review_closed', day: string) =>
      new ApiError({ code, status: 422, message: 'x', details: { year: 2026, day, act: 'enter' } });
    expect(errorText(t, closed('entry_closed', '2026-12-31'))).toBe(
      '2026 年度学分录入已于 2026-12-31 截止（省继教日历），不能再录入或提交。',
    );
    expect(errorText(t, closed('review_closed', '2027-01-31'))).toContain('2027-01-31');
  });

  it('leaves other errors as their code says', () => {
    const error = new ApiError({ code: 'not_found', status: 404, message: 'x' });
    expect(errorText(t, error)).toBe('找不到请求的内容。');
  });
});
