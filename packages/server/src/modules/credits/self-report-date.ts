import { isActivityInFuture } from '@jijiao/domain';
import { chinaDay, type Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';

/** Refuses a self-report dated after today (China Standard Time), naming `activity.date`. */
export function refuseFutureSelfReport(date: string, clock: Clock): void {
  if (!isActivityInFuture(date, chinaDay(clock.now()))) return;
  throw new AppError(
    'validation_failed',
    'activity.date: must not be later than today',
    undefined,
    [{ path: 'activity.date', message: 'must not be later than today' }],
  );
}
