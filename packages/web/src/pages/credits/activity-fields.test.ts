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
