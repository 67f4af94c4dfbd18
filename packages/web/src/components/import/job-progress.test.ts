import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/use-t';
import { isJobDone, jobPercent, jobProgressText } from './job-progress';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as Translate;

describe('job progress', () => {
  it.each([
    [{ done: 0, total: null }, 0],
    [{ done: 0, total: 0 }, 0],
    [{ done: 499, total: 1000 }, 49],
    [{ done: 1000, total: 1000 }, 100],
    [{ done: 1200, total: 1000 }, 100],
  ])('%o is %i%%', (progress, percent) => {
    expect(jobPercent(progress)).toBe(percent);
  });

  it('says queued, reading, rows done so far, then rows done of the total', () => {
    expect(jobProgressText(t, { status: 'queued', progress: { done: 0, total: null } })).toBe(
      'jobs.queued',
    );
    expect(jobProgressText(t, { status: 'running', progress: { done: 0, total: null } })).toBe(
      'jobs.reading',
    );
    expect(jobProgressText(t, { status: 'running', progress: { done: 500, total: null } })).toBe(
      'jobs.checkingSoFar {"done":500}',
    );
    expect(jobProgressText(t, { status: 'running', progress: { done: 500, total: 2000 } })).toBe(
      'jobs.checking {"done":500,"total":2000}',
    );
  });

  it('is done once succeeded or failed', () => {
    expect(
      ['queued', 'running', 'succeeded', 'failed'].map((status) =>
        isJobDone({ status: status as 'queued' }),
      ),
    ).toEqual([false, false, true, true]);
  });
});
