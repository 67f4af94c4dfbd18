import { describe, expect, it } from 'vitest';
import type { Claim } from '@jijiao/contracts';
import { lookupMessage } from '../../../../i18n/message-key';
import { zhCN } from '../../../../i18n/zh-CN';
import { historyActorText, waitingOrgsText } from './history-text';

const t = (key: string, values: Record<string, string | number> = {}) =>
  (lookupMessage(zhCN, key) ?? key).replace(/{{(\w+)}}/g, (_m, name: string) =>
    String(values[name] ?? ''),
  );

const entry = (patch: Partial<Claim['history'][number]>): Claim['history'][number] => ({
  action: 'approve',
  step: 1,
  reviewerOrgName: '江南区医学会',
  actorName: '张审核',
  actedFor: false,
  actorOrgName: null,
  fromStatus: 'submitted',
  toStatus: 'submitted',
  reason: null,
  at: '2026-03-01T08:00:00.000Z',
  ...patch,
});

describe('historyActorText', () => {
  it.each([
    ['the step’s own reviewer', entry({}), '江南区医学会 张审核'],
    [
      '代审 by the city',
      entry({ actedFor: true, actorOrgName: '东湖市卫生健康委员会' }),
      '由 张审核（东湖市卫生健康委员会）代 江南区医学会 审核',
    ],
    [
      'outside the chain (a submission)',
      entry({ action: 'submit', reviewerOrgName: null }),
      '张审核',
    ],
    ['nobody named', entry({ reviewerOrgName: null, actorName: null }), ''],
  ])('%s', (_name, h, text) => {
    expect(historyActorText(t, h)).toBe(text);
  });
});

describe('waitingOrgsText', () => {
  it('names each org once', () => {
    const at = (name: string | null) => ({ currentReviewerOrgName: name });
    expect(
      waitingOrgsText(t, [at('江南区医学会'), at('江北区卫生健康局'), at('江南区医学会')]),
    ).toBe('江南区医学会、江北区卫生健康局');
  });
});
