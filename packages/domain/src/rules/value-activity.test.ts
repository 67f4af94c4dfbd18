import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import type { Activity } from './activity-schema';
import type { PolicyRules } from './policy-schema';
import type { Place } from './resolve-policy';
import { valueActivity } from './value-activity';

function rulesFor(place: Place, year: number): PolicyRules {
  const resolution = defaultPolicyRegistry.resolve(place, year);
  if (!resolution.ok) throw new Error(resolution.message);
  return resolution.policy.rules;
}

const rules2006 = rulesFor({ province: '420000' }, 2023);
const rules2024 = rulesFor({ province: '420000' }, 2025);
const jinjiang2020 = rulesFor({ province: '510000', city: '510100', district: '510104' }, 2020);

/** Face value, class and valuation reasons of one activity (date and id do not matter here). */
function value(rules: PolicyRules, fields: Record<string, unknown>) {
  const activity = { id: 'a', date: '2023-01-01', ...fields } as Activity;
  const result = valueActivity(rules, activity);
  if (!result.ok) return `${result.field}: ${result.message}`;
  const { tenths, class: creditClass, reasons } = result.valuation;
  return { credits: tenths / 10, class: creditClass, reasons };
}

const project = (level: string, role: string, more: Record<string, unknown> = {}) => ({
  type: 'project',
  level,
  role,
  ...more,
});

describe('valuation under national-2006', () => {
  it.each([
    [project('national', 'attendee', { hours: 18 }), 6, 'I', []],
    [project('national', 'attendee', { hours: 10 }), 3.3, 'I', []],
    [project('national', 'attendee', { hours: 18, awardedCredits: 4.5 }), 4.5, 'I', []],
    [project('national', 'attendee', { hours: 18, remote: true }), 6, 'I', []],
    [project('national', 'speaker', { hours: 3, awardedCredits: 1 }), 6, 'I', []],
    [project('provincial', 'attendee', { hours: 30 }), 5, 'I', []],
    [project('provincial', 'attendee', { awardedCredits: 2.25 }), 2.3, 'I', []],
    [project('provincial', 'speaker', { hours: 4 }), 4, 'I', []],
    [project('provincial', 'attendee', { hours: 6, remote: true }), 1, 'I', []],
    [project('national', 'speaker', { awardedCredits: 4 }), 4, 'I', []],
    [project('national', 'attendee', { remote: true, awardedCredits: 2 }), 2, 'I', []],
    [project('municipal', 'attendee', { awardedCredits: 2 }), 2, 'II', []],
    [project('unit', 'speaker', { awardedCredits: 1.5, hours: 3 }), 1.5, 'II', []],
    [{ type: 'paper', journal: 'foreign', authorRank: 1 }, 10, 'II', []],
    [{ type: 'paper', journal: 'core', authorRank: 2 }, 5, 'II', []],
    [{ type: 'paper', journal: 'provincial', authorRank: 3 }, 3, 'II', []],
    [{ type: 'paper', journal: 'core', authorRank: 4 }, 0, 'II', ['rank_not_credited']],
    [{ type: 'research', level: 'national', rank: 5 }, 6, 'II', []],
    [{ type: 'research', level: 'provincial', rank: 1 }, 8, 'II', []],
    [{ type: 'research', level: 'city', rank: 3 }, 4, 'II', []],
    [{ type: 'research', level: 'city', rank: 6 }, 0, 'II', ['rank_not_credited']],
    [{ type: 'book', words: 12500 }, 12, 'II', ['below_unit']],
    [{ type: 'book', words: 999 }, 0, 'II', ['below_unit']],
    [{ type: 'book', words: 3000 }, 3, 'II', []],
    [{ type: 'survey_report', words: 9000 }, 3, 'II', []],
    [{ type: 'translation', characters: 30000 }, 20, 'II', []],
    [{ type: 'written_review', words: 5000 }, 2, 'II', ['below_unit']],
    [{ type: 'unit_lecture', role: 'speaker', times: 3 }, 6, 'II', []],
    [{ type: 'unit_lecture', role: 'participant', times: 3 }, 1.5, 'II', []],
    [{ type: 'case_discussion', role: 'speaker', times: 3 }, 3, 'II', []],
    [{ type: 'case_discussion', role: 'participant', times: 3 }, 1.5, 'II', []],
    [{ type: 'further_study', months: 2 }, 8, 'II', []],
    [{ type: 'degree_study', months: 0.5 }, 2, 'II', []],
    [{ type: 'aid_post', months: 6 }, 24, 'II', []],
    [{ type: 'online_course', hours: 12 }, 4, 'II', []],
    [{ type: 'self_study', hours: 30 }, 0, null, ['not_valued_by_policy']],
  ])('%j → %s credits, class %s, %j', (fields, credits, creditClass, reasons) => {
    expect(value(rules2006, fields)).toEqual({ credits, class: creditClass, reasons });
  });

  it.each([
    [
      project('municipal', 'attendee', { hours: 6 }),
      'awardedCredits: is required for a municipal project attendee',
    ],
    [project('unit', 'speaker', {}), 'awardedCredits: is required for a unit project speaker'],
    [project('national', 'attendee', {}), 'hours: is required for a national project attendee'],
    [project('national', 'speaker', {}), 'hours: is required for a national project speaker'],
    [
      project('national', 'attendee', { remote: true }),
      'hours: is required for a national project attended remotely',
    ],
  ])('%j cannot be valued: %s', (fields, message) => {
    expect(value(rules2006, fields)).toBe(message);
  });
});

describe('valuation under national-2024', () => {
  it.each([
    [project('national', 'attendee', { hours: 24 }), 8],
    [project('national', 'attendee', { hours: 24, remote: true }), 8],
    [project('provincial', 'attendee', { hours: 12 }), 4],
    [project('municipal', 'attendee', { awardedCredits: 3 }), 3],
    [project('unit', 'speaker', { hours: 2 }), 4],
    [{ type: 'online_course', hours: 12 }, 4],
    [{ type: 'self_study', hours: 45 }, 15],
    [{ type: 'further_study', months: 2 }, 8],
    [{ type: 'unit_lecture', role: 'participant', times: 4 }, 2],
    [{ type: 'case_discussion', role: 'speaker', times: 2 }, 2],
    [{ type: 'paper', journal: 'foreign', authorRank: 3 }, 8],
    [{ type: 'research', level: 'provincial', rank: 2 }, 7],
    [{ type: 'translation', characters: 3000 }, 2],
  ])('%j → %s credits, no class', (fields, credits) => {
    expect(value(rules2024, fields)).toEqual({ credits, class: null, reasons: [] });
  });
});

describe('valuation with the Chengdu Jinjiang overlay', () => {
  it.each([
    [{ type: 'online_course', hours: 36 }, 6],
    [{ type: 'online_course', hours: 10 }, 1.7],
    [project('national', 'attendee', { hours: 30 }), 10],
  ])('%j → %s credits', (fields, credits) => {
    expect(value(jinjiang2020, fields)).toMatchObject({ credits });
  });
});

describe('rules that leave a kind of activity out', () => {
  it('values nothing the rules do not list, whatever the kind', () => {
    const bare: PolicyRules = { ...rules2006, valuation: {} };
    for (const fields of [
      project('national', 'attendee', { hours: 3 }),
      { type: 'paper', journal: 'core', authorRank: 1 },
      { type: 'book', words: 1000 },
    ]) {
      expect(value(bare, fields)).toEqual({
        credits: 0,
        class: null,
        reasons: ['not_valued_by_policy'],
      });
    }
    const noSpeakers: PolicyRules = {
      ...rules2006,
      valuation: {
        project: { national: { attendee: rules2006.valuation.project?.national?.attendee } },
      },
    };
    expect(value(noSpeakers, project('national', 'speaker', { hours: 1 }))).toMatchObject({
      credits: 0,
    });
  });
});
