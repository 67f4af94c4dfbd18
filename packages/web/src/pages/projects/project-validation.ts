import { parseProjectNumber } from '@jijiao/domain';
import type { ProjectLevel } from '@jijiao/contracts';
import type { MessageKey } from '../../i18n/message-key';

/** The problem of a typed project number for a level; undefined when it is fine. */
export function projectNumberProblem(
  number: string,
  level: ProjectLevel | undefined,
): MessageKey | undefined {
  if (number.trim() === '') return undefined;
  const result = parseProjectNumber(number, level);
  return result.ok ? undefined : `projectNumberProblem.${result.problem}`;
}

/** Credits are kept in tenths. */
export function isTenths(value: number): boolean {
  return Math.abs(Math.round(value * 10) - value * 10) < 1e-9;
}
