import { describe, expect, it } from 'vitest';
import { parseScenarioInput } from './scenario-input';

const valid = {
  year: 2023,
  place: { province: '420000' },
  activities: [
    {
      id: 'a1',
      type: 'project',
      date: '2023-03-01',
      level: 'national',
      role: 'attendee',
      hours: 9,
    },
    { id: 'a2', type: 'book', date: '2023-05-01', words: 20000 },
    { id: 'a3', type: 'further_study', date: '2023-06-01', months: 2 },
  ],
};

/** One project of the registry of filed projects, as a scenario gives it. */
const filed = {
  number: '510000-2023-01-001',
  name: '基层慢病管理新进展',
  level: 'provincial',
  startDate: '2023-04-10',
  endDate: '2023-04-12',
  hours: 18,
  attendeeCredits: 3,
  speakerCredits: 6,
};

/** `valid` with one activity field set (undefined removes it). */
function withActivity(index: number, changes: Record<string, unknown>): unknown {
  const activities = valid.activities.map((a, i) => {
    if (i !== index) return a;
    const copy: Record<string, unknown> = { ...a, ...changes };
    for (const [key, value] of Object.entries(changes))
      if (value === undefined) Reflect.deleteProperty(copy, key);
    return copy;
  });
  return { ...valid, activities };
}

const problemOf = (input: unknown): string => {
  const result = parseScenarioInput(input);
  return result.ok ? 'ok' : `${result.problem.field}: ${result.problem.message}`;
};

describe('parseScenarioInput', () => {
  it('accepts a scenario and ignores name and expect', () => {
    const result = parseScenarioInput({ ...valid, name: 'x', expect: { compliant: true } });
    expect(result.ok).toBe(true);
  });

  it('infers the city of a district, so city overlays apply', () => {
    const result = parseScenarioInput({
      ...valid,
      place: { province: '510000', district: '510104' },
    });
    expect(result.ok && result.value.place).toEqual({
      province: '510000',
      city: '510100',
      district: '510104',
    });
  });

  it.each([
    [withActivity(0, { hours: -3 }), 'activities[0].hours: must be a positive number'],
    [withActivity(0, { hours: '9' }), 'activities[0].hours: must be a positive number'],
    [withActivity(0, { hours: 0 }), 'activities[0].hours: must be a positive number'],
    [
      withActivity(0, { level: 'county' }),
      'activities[0].level: must be one of national, provincial, municipal, unit',
    ],
    [withActivity(0, { role: undefined }), 'activities[0].role: is required'],
    [withActivity(0, { awardedCredits: -1 }), 'activities[0].awardedCredits: must be a number ≥ 0'],
    [
      withActivity(0, { hostProvince: 'Hunan' }),
      'activities[0].hostProvince: must be a 6-digit GB/T 2260 code',
    ],
    [withActivity(1, { words: 12.5 }), 'activities[1].words: must be a positive whole number'],
    [
      withActivity(1, { type: 'poem' }),
      'activities[1].type: must be one of project, paper, research, book, translation, survey_report, written_review, unit_lecture, case_discussion, further_study, degree_study, aid_post, online_course, self_study, residency',
    ],
    [withActivity(1, { date: '2023-02-30' }), 'activities[1].date: must be a real calendar date'],
    [{ ...valid, filedProjects: {} }, 'filedProjects: must be a list'],
    [
      { ...valid, filedProjects: [{ ...filed, level: 'county' }] },
      'filedProjects[0].level: must be one of national, provincial, municipal, unit',
    ],
    [
      { ...valid, filedProjects: [{ ...filed, endDate: '2023-13-01' }] },
      'filedProjects[0].endDate: must be a real calendar date',
    ],
    [
      { ...valid, filedProjects: [filed, { ...filed, hours: 0 }] },
      'filedProjects[1].hours: must be a positive number',
    ],
    [withActivity(1, { date: '1/5/2023' }), 'activities[1].date: must be a date YYYY-MM-DD'],
    [withActivity(1, { id: '' }), 'activities[1].id: must not be empty'],
    [withActivity(1, { id: 'a1' }), 'activities[1].id: must be unique (repeats activities[0])'],
    [
      withActivity(2, { startDate: '2023-06-01', endDate: '2023-01-01' }),
      'activities[2].endDate: must not be before startDate',
    ],
    [{ ...valid, activities: [42] }, 'activities[0]: must be an object'],
    [{ ...valid, activities: 'none' }, 'activities: must be a list'],
    [{ ...valid, year: 2023.5 }, 'year: must be a whole year'],
    [{ ...valid, year: undefined }, 'year: is required'],
    [{ ...valid, place: undefined }, 'place: is required'],
    [
      { ...valid, place: { province: '420100' } },
      'place.province: must be a province code ending in 0000',
    ],
    [
      { ...valid, place: { province: '420000', city: '430100' } },
      'place.city: must lie within place.province',
    ],
    [
      { ...valid, place: { province: '420000', city: '420100', district: '420201' } },
      'place.district: must lie within place.city',
    ],
    [
      { ...valid, place: { province: '420000', district: '430102' } },
      'place.district: must lie within place.province',
    ],
    [
      { ...valid, person: { unitLevel: 'national' } },
      'person.unitLevel: must be one of provincial, city, county, township',
    ],
    [[], '(root): must be a JSON object'],
  ])('reports %j as "%s"', (input, message) => {
    expect(problemOf(input)).toBe(message);
  });
});
