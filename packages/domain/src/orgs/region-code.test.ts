import { describe, expect, it } from 'vitest';
import { isRegionWithin, regionLevelOf } from './region-code';

describe('GB/T 2260 region codes', () => {
  it.each([
    ['430000', 'province'],
    ['430100', 'city'],
    ['430102', 'county'],
    ['43010', undefined],
    ['000000', undefined],
  ] as const)('%s is a %s', (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it.each([
    ['430000', '430102', true],
    ['430100', '430102', true],
    ['430100', '430100', true],
    ['430100', '430202', false],
    ['510000', '430102', false],
    ['430102', '430103', false],
  ])('%s ⊇ %s: %s', (parent, child, within) => {
    expect(isRegionWithin(parent, child)).toBe(within);
  });
});
