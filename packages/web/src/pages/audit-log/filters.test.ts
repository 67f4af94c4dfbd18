import { describe, expect, it } from 'vitest';
import { familyOf } from './action-families';
import { toFilters } from './filters';

const day = (text: string) => ({
  format: (pattern: string) => (pattern === 'YYYY-MM-DD' ? text : ''),
});

describe('toFilters', () => {
  it.each([
    [{}, {}],
    [
      { action: 'sign_in.', actor: '  demo-unit-admin ' },
      { action: 'sign_in.', actor: 'demo-unit-admin' },
    ],
    [{ actor: '   ', targetId: '' }, {}],
    [{ days: [day('2026-03-01'), day('2026-03-02')] }, { from: '2026-03-01', to: '2026-03-02' }],
    [{ days: [null, day('2026-03-02')] }, { to: '2026-03-02' }],
  ] as const)('%j → %j', (form, expected) => {
    expect(toFilters(form as Parameters<typeof toFilters>[0])).toEqual(expected);
  });
});

describe('familyOf', () => {
  it.each([
    ['sign_in.failed', 'sign_in'],
    ['audit.credit_voided', 'audit'],
    ['certificates.issued', 'certificates'],
    ['something.else', undefined],
    ['', undefined],
  ])('%s → %s', (action, family) => {
    expect(familyOf(action)).toBe(family);
  });
});
