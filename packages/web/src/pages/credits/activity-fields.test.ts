import { describe, expect, it } from 'vitest';
import { activityTypes } from '@jijiao/contracts';
import { activitySchema } from '@jijiao/domain';
import { activityFields, toActivity } from './activity-fields';

describe('self-report activity fields', () => {
  it('covers every activity type of the scenario README', () => {
    expect(Object.keys(activityFields).sort()).toEqual([...activityTypes].sort());
  });

  it('waits for the required fields, then builds what the rules engine parses', () => {
    expect(toActivity('paper', '2026-02-10', { journal: 'core' })).toBeNull();
    const paper = toActivity('paper', '2026-02-10', { journal: 'core', authorRank: 2, words: 9 });
    expect(paper).toEqual({ type: 'paper', date: '2026-02-10', journal: 'core', authorRank: 2 });
    expect(activitySchema.safeParse({ ...paper, id: 'x' }).success).toBe(true);
  });

  it.each([
    [{ trainingYear: 1, totalYears: 3, assessmentPassed: true }, true],
    [{ trainingYear: 3, totalYears: 3, assessmentPassed: false }, false],
    [{ trainingYear: 1, totalYears: 1 }, false],
  ])('offers a residency year with its fields: %j', (values, passed) => {
    const names = activityFields.residency.map((f) => f.name);
    expect(names).toEqual(['trainingYear', 'totalYears', 'assessmentPassed']);
    const residency = toActivity('residency', '2026-06-30', values);
    expect(residency).toEqual({
      type: 'residency',
      date: '2026-06-30',
      trainingYear: values.trainingYear,
      totalYears: values.totalYears,
      assessmentPassed: passed,
    });
    expect(activitySchema.safeParse({ ...residency, id: 'x' }).success).toBe(true);
  });

  it('waits for the years of a residency', () => {
    expect(toActivity('residency', '2026-06-30', { trainingYear: 1 })).toBeNull();
  });

  it('drops blank optional fields and an unticked box', () => {
    const project = toActivity('project', '2026-04-01', {
      level: 'national',
      role: 'attendee',
      hours: 6,
      projectNumber: '  ',
      remote: false,
    });
    expect(project).toEqual({
      type: 'project',
      date: '2026-04-01',
      level: 'national',
      role: 'attendee',
      hours: 6,
    });
  });
});
