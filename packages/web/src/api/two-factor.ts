import {
  confirmedEnrolmentSchema,
  enrolmentSchema,
  twoFactorStatusSchema,
  type Enrolment,
  type Me,
  type SecondFactorProof,
  type StartEnrolmentRequest,
  type TwoFactorStatus,
} from '@jijiao/contracts';
import { request, requestNoContent } from './client';
import { remember } from './session';

export function fetchTwoFactorStatus(): Promise<TwoFactorStatus> {
  return request('GET', '/api/v1/me/two-factor', twoFactorStatusSchema);
}

export function startTwoFactorEnrolment(body: StartEnrolmentRequest): Promise<Enrolment> {
  return request('POST', '/api/v1/me/two-factor/enrolment', enrolmentSchema, { body });
}

/** The session rotates: the answer carries the new session's CSRF token. */
export async function confirmTwoFactorEnrolment(body: {
  code: string;
}): Promise<{ recoveryCodes: string[]; me: Me }> {
  const confirmed = await request(
    'POST',
    '/api/v1/me/two-factor/enrolment/confirm',
    confirmedEnrolmentSchema,
    { body },
  );
  remember(confirmed.me);
  return confirmed;
}

export function disableTwoFactor(body: SecondFactorProof): Promise<void> {
  return requestNoContent('POST', '/api/v1/me/two-factor/disable', { body });
}

/** Six digits are the app's code; anything longer is a recovery code. */
export function proofOf(typed: string): SecondFactorProof {
  const trimmed = typed.trim();
  return /^\d{6}$/.test(trimmed) ? { code: trimmed } : { recoveryCode: trimmed };
}
