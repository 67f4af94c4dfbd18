import { describe, expect, it } from 'vitest';
import {
  approvedStepOf,
  decideReviewStep,
  reviewStepStandingOf,
  type ReviewHistoryFact,
  type ReviewStepStanding,
} from './review-step';

const province = { orgId: 'p', orgPath: '/p/' };
const city = { orgId: 'c', orgPath: '/p/c/' };
const district = { orgId: 'd', orgPath: '/p/c/d/' };
const otherCity = { orgId: 'x', orgPath: '/p/x/' };
const step = (o: { orgId: string; orgPath: string }, kind: string) => ({
  stepOrgId: o.orgId,
  stepOrgPath: o.orgPath,
  stepOrgKind: kind,
});
const unit = { orgId: 'u', orgPath: '/p/c/d/u/' };

describe('reviewStepStandingOf', () => {
  it.each([
    ['own org', step(district, 'district'), [district], { kind: 'own' }],
    ['own org also held above', step(district, 'district'), [city, district], { kind: 'own' }],
    [
      'city over its district',
      step(district, 'district'),
      [city],
      { kind: 'ancestor', actingOrgId: 'c' },
    ],
    [
      'nearest ancestor acts',
      step(district, 'district'),
      [province, city],
      { kind: 'ancestor', actingOrgId: 'c' },
    ],
    [
      'province over a city',
      step(city, 'city'),
      [province],
      { kind: 'ancestor', actingOrgId: 'p' },
    ],
    ['a district below the step', step(city, 'city'), [district], { kind: 'none' }],
    ['another city', step(district, 'district'), [otherCity], { kind: 'none' }],
    ['no review grant', step(district, 'district'), [], { kind: 'none' }],
    ['a unit’s own reviewer', step(unit, 'unit'), [unit], { kind: 'own' }],
    ['never above a unit', step(unit, 'unit'), [district, city], { kind: 'none' }],
    // A sibling whose path starts like the step's must not count as an ancestor.
    [
      'path prefix is not ancestry',
      step({ orgId: 'c2', orgPath: '/p/c2/' }, 'city'),
      [{ orgId: 'c', orgPath: '/p/c' + '/' }],
      { kind: 'none' },
    ],
  ] as const)('%s', (_name, s, reviewerOrgs, expected) => {
    expect(reviewStepStandingOf({ ...s, reviewerOrgs })).toEqual(expected);
  });
});

describe('decideReviewStep', () => {
  const own: ReviewStepStanding = { kind: 'own' };
  const above: ReviewStepStanding = { kind: 'ancestor', actingOrgId: 'c' };
  const none: ReviewStepStanding = { kind: 'none' };
  it.each([
    [own, false, { ok: true, actFor: false }],
    [own, true, { ok: false, problem: 'act_for_own_step' }],
    [above, false, { ok: false, problem: 'act_for_required' }],
    [above, true, { ok: true, actFor: true, actingOrgId: 'c' }],
    [none, false, { ok: false, problem: 'not_your_step' }],
    [none, true, { ok: false, problem: 'not_your_step' }],
  ] as const)('%o with actFor %s', (standing, actFor, expected) => {
    expect(decideReviewStep(standing, actFor)).toEqual(expected);
  });
});

describe('approvedStepOf', () => {
  const h = (action: string, step: number, actorUserId: string | null): ReviewHistoryFact => ({
    action,
    step,
    actorUserId,
  });
  it.each<[string, ReviewHistoryFact[], number | null]>([
    ['nothing yet', [h('submit', 0, 'l')], null],
    ['approved step 1', [h('submit', 0, 'l'), h('approve', 0, 'a')], 0],
    ['someone else approved', [h('submit', 0, 'l'), h('approve', 0, 'b')], null],
    ['approved step 2', [h('submit', 0, 'l'), h('approve', 0, 'b'), h('approve', 1, 'a')], 1],
    ['returned by them (not an approval)', [h('submit', 0, 'l'), h('return', 0, 'a')], null],
    [
      'approved before a return and resubmission',
      [h('submit', 0, 'l'), h('approve', 0, 'a'), h('return', 1, 'b'), h('resubmit', 0, 'l')],
      null,
    ],
    [
      'approved again after the resubmission',
      [h('submit', 0, 'l'), h('return', 0, 'b'), h('resubmit', 0, 'l'), h('approve', 0, 'a')],
      0,
    ],
    ['the system (no user)', [h('submit', 0, null), h('approve', 0, null)], null],
  ])('%s', (_name, history, expected) => {
    expect(approvedStepOf(history, 'a')).toBe(expected);
  });
});
