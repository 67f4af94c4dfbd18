/**
 * What a kiosk shows after a swipe. Only `accepted` writes a check-in; a second accepted
 * swipe of the same person in the same session is `already_checked_in`.
 */
export const swipeResults = [
  'accepted',
  'already_checked_in',
  'unknown_card',
  'lost_card',
  'not_registered',
  'invalid_qr',
  'unknown_session',
] as const;
export type SwipeResult = (typeof swipeResults)[number];

export interface SwipeFacts {
  /** The session belongs to the device's project (and the project is filed). */
  sessionKnown: boolean;
  /** How the person was identified: by a card (with its status), by a verified QR token, or not. */
  identity:
    { kind: 'card'; status: 'blank' | 'active' | 'lost' | null } | { kind: 'qr'; valid: boolean };
  registrationRequired: boolean;
  registered: boolean;
}

/** The outcome of a swipe before the insert (which alone tells accepted from a duplicate). */
export function decideSwipe(facts: SwipeFacts): Exclude<SwipeResult, 'already_checked_in'> {
  if (!facts.sessionKnown) return 'unknown_session';
  const { identity } = facts;
  if (identity.kind === 'qr') {
    if (!identity.valid) return 'invalid_qr';
  } else {
    if (identity.status === 'lost') return 'lost_card';
    if (identity.status !== 'active') return 'unknown_card';
  }
  if (facts.registrationRequired && !facts.registered) return 'not_registered';
  return 'accepted';
}
