import {
  checkinResponseSchema,
  kioskSessionsSchema,
  type KioskSessions,
  type Swipe,
  type SwipeOutcome,
} from '@jijiao/contracts';
import { ApiError, toApiError } from '../../api/errors';

/**
 * The kiosk speaks to the API with its device token (Authorization: Bearer), never with a
 * user session: no cookie, no CSRF token.
 */
async function send(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      credentials: 'omit',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (cause) {
    throw new ApiError({
      code: 'network_error',
      status: 0,
      message: cause instanceof Error ? cause.message : 'network error',
    });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, json);
  return json;
}

export async function fetchKioskSessions(token: string): Promise<KioskSessions> {
  return kioskSessionsSchema.parse(await send(token, 'GET', '/api/v1/checkins/sessions'));
}

/** One request for up to 500 swipes; the answer is in the same order. */
export async function postSwipes(token: string, swipes: readonly Swipe[]): Promise<SwipeOutcome[]> {
  const body = swipes.length === 1 ? swipes[0] : { swipes };
  return checkinResponseSchema.parse(await send(token, 'POST', '/api/v1/checkins', body)).results;
}
