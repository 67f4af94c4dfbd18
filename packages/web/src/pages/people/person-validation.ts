import { parseResidentId, type ResidentIdProblem } from '@jijiao/domain';
import type { MessageKey } from '../../i18n/message-key';

/** The problem of a typed ID number, as the server will judge it; undefined when valid. */
export function idNumberProblem(value: string, today: string): MessageKey | undefined {
  if (value.trim() === '') return undefined; // "required" is its own rule.
  const result = parseResidentId(value, today);
  return result.ok ? undefined : idProblemKey(result.problem);
}

export function idProblemKey(problem: ResidentIdProblem): MessageKey {
  return `idProblem.${problem}`;
}

export const mobilePattern = /^1\d{10}$/;
