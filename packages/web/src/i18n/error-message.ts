import { isApiError } from '../api/errors';
import type { MessageKey } from './message-key';

/** The message to show for a failed call: chosen by error code, never by server text. */
export function errorMessageKey(error: unknown): MessageKey {
  return isApiError(error) ? `errors.${error.code}` : 'errors.internal';
}
