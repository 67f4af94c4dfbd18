import { describe, expect, it } from 'vitest';
import { canNest, checkReviewChain, defaultReviewChain, type ChainOrg } from './org-tree';

const province: ChainOrg = { id: 'p', kind: 'province', path: '/p/' };
const office: ChainOrg = { id: 'o', kind: 'cme_office', path: '/p/o/' };
const city: ChainOrg = { id: 'c', kind: 'city', path: '/p/c/' };
const district: ChainOrg = { id: 'd', kind: 'district', path: '/p/c/d/' };
const association: ChainOrg = { id: 'a', kind: 'association', path: '/p/c/d/a/' };
const unit: ChainOrg = { id: 'u', kind: 'unit', path: '/p/c/d/u/' };
const otherProvince: ChainOrg = { id: 'q', kind: 'province', path: '/q/' };

describe('canNest', () => {
  it.each([
    ['province', 'city', true],
    ['city', 'district', true],
    ['district', 'unit', true],
    ['province', 'unit', true],
    ['unit', 'unit', false],
    ['district', 'city', false],
    ['city', 'cme_office', false],
  ] as const)('%s ⊃ %s: %s', (parent, child, expected) => {
    expect(canNest(parent, child)).toBe(expected);
  });
});

describe('checkReviewChain', () => {
  it('accepts association → city → provincial office', () => {
    expect(checkReviewChain(unit, [association, city, office])).toEqual([]);
  });

  it('names every problem by step', () => {
    expect(checkReviewChain(unit, [city, city, unit, otherProvince])).toEqual([
      { step: 2, problem: 'duplicate_step' },
      { step: 3, problem: 'not_a_reviewing_body' },
      { step: 4, problem: 'outside_province' },
    ]);
    expect(checkReviewChain(unit, [])).toEqual([{ step: 0, problem: 'empty' }]);
    expect(checkReviewChain(city, [office])).toEqual([{ step: 0, problem: 'not_a_unit' }]);
  });
});

describe('defaultReviewChain', () => {
  it('goes district → city → provincial office, nearest first', () => {
    expect(defaultReviewChain([district, city, province], office).map((o) => o.id)).toEqual([
      'd',
      'c',
      'o',
    ]);
  });

  it('sends a unit under the province straight to the office, or the province without one', () => {
    expect(defaultReviewChain([province], office).map((o) => o.id)).toEqual(['o']);
    expect(defaultReviewChain([province], undefined).map((o) => o.id)).toEqual(['p']);
  });
});
