import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import type { ProjectActivity } from '../rules/activity-schema';
import { checkFiledProject, type FiledProject } from './filed-project';

function rulesAt(place: { province: string; district?: string }, year = 2026) {
  const resolved = defaultPolicyRegistry.resolve(place, year);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.policy.rules;
}

const sichuan = rulesAt({ province: '510000' });
const jinjiang = rulesAt({ province: '510000', district: '510104' });
const demo = rulesAt({ province: '990000' });

const filed: FiledProject = {
  number: '2026-04-08-017（省）',
  name: '基层急诊急救能力提升培训班',
  level: 'provincial',
  startDate: '2026-03-10',
  endDate: '2026-03-12',
  hours: 18,
  attendeeCredits: 3,
  speakerCredits: 5,
};

const claimed = (extra: Partial<ProjectActivity> = {}): ProjectActivity => ({
  id: 'c1',
  type: 'project',
  level: 'provincial',
  role: 'attendee',
  date: '2026-03-10',
  hours: 40,
  awardedCredits: 9,
  ...extra,
});

describe('checkFiledProject', () => {
  it.each([
    ['Sichuan, by number', sichuan, claimed({ projectNumber: filed.number }), 'matched'],
    [
      'Sichuan, by number with spaces around',
      sichuan,
      claimed({ projectNumber: ` ${filed.number} ` }),
      'matched',
    ],
    [
      'Jinjiang, by name and a date within the project',
      jinjiang,
      claimed({ projectName: filed.name, date: '2026-03-11' }),
      'matched',
    ],
    [
      'Jinjiang, by name but a date outside the project',
      jinjiang,
      claimed({ projectName: filed.name, date: '2026-03-20' }),
      'unmatched',
    ],
    [
      'Sichuan, by a number not filed',
      sichuan,
      claimed({ projectNumber: '2026-04-08-999（省）' }),
      'unmatched',
    ],
    ['Sichuan, by another name', sichuan, claimed({ projectName: '另一个项目' }), 'unmatched'],
    ['Sichuan, with neither number nor name', sichuan, claimed(), 'unmatched'],
    ['Sichuan, a national project', sichuan, claimed({ level: 'national' }), 'not_required'],
    ['Sichuan, a municipal project', sichuan, claimed({ level: 'municipal' }), 'not_required'],
    ['the national rules, a provincial project', demo, claimed(), 'not_required'],
  ] as const)('%s: %s', (_, rules, activity, status) => {
    expect(checkFiledProject(rules, activity, [filed]).status).toBe(status);
  });

  it.each([
    ['attendee', filed.attendeeCredits],
    ['speaker', filed.speakerCredits],
  ] as const)('values a matched %s from the registry, not from what was typed', (role, credits) => {
    const check = checkFiledProject(sichuan, claimed({ role, projectNumber: filed.number }), [
      filed,
    ]);
    expect(check).toMatchObject({
      status: 'matched',
      activity: {
        hours: 18,
        awardedCredits: credits,
        projectName: filed.name,
        level: 'provincial',
      },
    });
  });

  it('says what it looked for when nothing matched', () => {
    expect(checkFiledProject(sichuan, claimed({ projectName: '另一个项目' }), [filed])).toEqual({
      status: 'unmatched',
      query: { by: 'name_and_dates', name: '另一个项目', date: '2026-03-10' },
    });
    expect(checkFiledProject(sichuan, claimed(), [])).toEqual({ status: 'unmatched', query: null });
  });
});
