import type {
  ChangePasswordRequest,
  Me,
  SecondFactorChallenge,
  SecondFactorSignInRequest,
  SignInRequest,
} from '@jijiao/contracts';
import { lazyParser, request, requestNoContent, setCsrfToken } from './client';
import { isApiError } from './errors';

const meParser = lazyParser(() => import('./shell-schemas').then((m) => m.meSchema));
const signInParser = lazyParser(() => import('./shell-schemas').then((m) => m.signInAnswerSchema));

export function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return remember(await request('GET', '/api/v1/me', meParser));
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user, or, for an account with an authenticator app, the second step's challenge. */
export async function signIn(body: SignInRequest): Promise<Me | SecondFactorChallenge> {
  const answer = await request('POST', '/api/v1/session', signInParser, { body });
  return 'secondFactorRequired' in answer ? answer : remember(answer);
}

export async function signInSecondFactor(body: SecondFactorSignInRequest): Promise<Me> {
  return remember(await request('POST', '/api/v1/session/second-factor', meParser, { body }));
}

export async function signOut(): Promise<void> {
  try {
    await requestNoContent('DELETE', '/api/v1/session');
  } finally {
    setCsrfToken(null);
  }
}

/** The session is rotated: the answer carries the new session's CSRF token. */
export async function changePassword(body: ChangePasswordRequest): Promise<Me> {
  return remember(await request('POST', '/api/v1/me/password', meParser, { body }));
}
