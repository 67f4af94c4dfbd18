import { describe, expect, it } from 'vitest';
import { provinces } from './provinces';
import { regionLevelOf } from './region-code';

describe('provinces', () => {
  it('are 34 distinct province-level GB/T 2260 codes with names', () => {
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    for (const p of provinces) {
      expect(regionLevelOf(p.code)).toBe('province');
      expect(p.name.length).toBeGreaterThan(1);
    }
  });
});
