import type { ChangePasswordRequest, Me, SignInRequest } from '@jijiao/contracts';
import { lazyParser, request, requestNoContent, setCsrfToken } from './client';
import { isApiError } from './errors';

const meParser = lazyParser(() => import('./shell-schemas').then((m) => m.meSchema));

function remember(me: Me): Me {
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

export async function signIn(body: SignInRequest): Promise<Me> {
  return remember(await request('POST', '/api/v1/session', meParser, { body }));
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
