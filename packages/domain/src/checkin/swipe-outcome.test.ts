import { describe, expect, it } from 'vitest';
import { decideSwipe, type SwipeFacts } from './swipe-outcome';

const base: SwipeFacts = {
  sessionKnown: true,
  identity: { kind: 'card', status: 'active' },
  registrationRequired: false,
  registered: false,
};

describe('decideSwipe', () => {
  it.each<[string, Partial<SwipeFacts>, string]>([
    ['an active card', {}, 'accepted'],
    ['a session of another project', { sessionKnown: false }, 'unknown_session'],
    ['a number never issued', { identity: { kind: 'card', status: null } }, 'unknown_card'],
    ['a blank card (never bound)', { identity: { kind: 'card', status: 'blank' } }, 'unknown_card'],
    ['a lost card', { identity: { kind: 'card', status: 'lost' } }, 'lost_card'],
    ['a valid QR token', { identity: { kind: 'qr', valid: true } }, 'accepted'],
    ['an expired or forged QR token', { identity: { kind: 'qr', valid: false } }, 'invalid_qr'],
    ['a registered person', { registrationRequired: true, registered: true }, 'accepted'],
    ['an unregistered person', { registrationRequired: true }, 'not_registered'],
    [
      'a lost card in a registration session',
      { identity: { kind: 'card', status: 'lost' }, registrationRequired: true },
      'lost_card',
    ],
  ])('%s → %s', (_name, facts, result) => {
    expect(decideSwipe({ ...base, ...facts })).toBe(result);
  });
});
