import { describe, expect, it } from 'vitest';
import { splitIdNumbers, toActivity } from './bulk-activity';

describe('bulk entry form helpers', () => {
  it('splits pasted ID numbers on any separator, once each', () => {
    expect(splitIdNumbers('43010219850615001X\n430102198506150028, 43010219850615001X；x')).toEqual(
      ['43010219850615001X', '430102198506150028', 'x'],
    );
  });

  it('builds the activity of each type, leaving missing fields for the server to name', () => {
    expect(toActivity({ type: 'unit_lecture', date: '2026-02-20', times: 2 })).toEqual({
      type: 'unit_lecture',
      date: '2026-02-20',
      role: 'participant',
      times: 2,
    });
    expect(
      toActivity({ type: 'project', date: '2026-02-20', level: 'provincial', hours: 6 }),
    ).toEqual({
      type: 'project',
      date: '2026-02-20',
      level: 'provincial',
      role: 'attendee',
      hours: 6,
    });
    expect(toActivity({ type: 'online_course' })).toBeNull();
  });

  it.each([
    [{ trainingYear: 2, totalYears: 3, assessmentPassed: true }, true],
    [{ trainingYear: 3, totalYears: 3 }, false],
  ])('builds a residency year %j, an unticked assessment as not passed', (fields, passed) => {
    expect(toActivity({ type: 'residency', date: '2026-06-30', ...fields })).toEqual({
      type: 'residency',
      date: '2026-06-30',
      trainingYear: fields.trainingYear,
      totalYears: fields.totalYears,
      assessmentPassed: passed,
    });
  });
});
