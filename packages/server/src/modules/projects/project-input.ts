import type { ProjectCreate } from '@jijiao/contracts';
import { parseProjectNumber } from '@jijiao/domain';
import { AppError } from '../../platform/errors/app-error';

const numberMessages = {
  format: '格式错误（应如 2021-04-08-186（国））',
  year: '年份无效',
  level_mark_mismatch: '级别标记与项目级别不符',
} as const;

/** Validates what a project row carries, naming the field; returns the columns derived from the number. */
export function checkProjectInput(
  input: Pick<ProjectCreate, 'number' | 'level' | 'startDate' | 'endDate'>,
) {
  const parsed = parseProjectNumber(input.number, input.level);
  if (!parsed.ok) {
    throw new AppError(
      'validation_failed',
      `number: ${numberMessages[parsed.problem]}`,
      undefined,
      [{ path: 'number', message: numberMessages[parsed.problem] }],
    );
  }
  if (input.endDate < input.startDate) {
    throw new AppError('validation_failed', 'endDate: before the start date', undefined, [
      { path: 'endDate', message: '结束日期早于开始日期' },
    ]);
  }
  const { number, year, discipline, subdiscipline } = parsed.value;
  return { number, year, discipline: `${discipline}-${subdiscipline}` };
}
