import { isApiError } from '../api/errors';
import type { MessageKey } from './message-key';
import type { Translate } from './use-t';

/** The message to show for a failed call: chosen by error code, never by server text. */
export function errorMessageKey(error: unknown): MessageKey {
  return isApiError(error) ? `errors.${error.code}` : 'errors.internal';
}

/**
 * `errorMessageKey`'s words with the error's plain details filled in, so a message can name
 * what the server named (the day a calendar closed entry: `{{closedOn}}`).
 */
export function errorText(t: Translate, error: unknown): string {
  const values: Record<string, string | number> = {};
  if (isApiError(error))
    for (const [key, value] of Object.entries(error.details))
      if (typeof value === 'string' || typeof value === 'number') values[key] = value;
  return t(errorMessageKey(error), values);
}
