import type { Job } from '@jijiao/contracts';
import type { Translate } from '../../i18n/use-t';

/** Whether a job has ended (its page stops polling). */
export function isJobDone(job: Pick<Job, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** A running job's bar: whole percent of rows done (0 while the total is unknown). */
export function jobPercent(progress: Job['progress']): number {
  const { done, total } = progress;
  if (total === null || total <= 0) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/**
 * What the bar says: queued, reading the file, rows done so far (a file read as it is
 * checked has no total until its end), or rows done of the total.
 */
export function jobProgressText(t: Translate, job: Pick<Job, 'status' | 'progress'>): string {
  if (job.status === 'queued') return t('jobs.queued');
  const { done, total } = job.progress;
  if (total === null) return done > 0 ? t('jobs.checkingSoFar', { done }) : t('jobs.reading');
  return t('jobs.checking', { done, total });
}
