/**
 * GB/T 2260 administrative division codes: 2 digits province, 2 city, 2 county.
 * `XX0000` is a province, `XXYY00` a city, anything else a county-level division.
 */
export type RegionLevel = 'province' | 'city' | 'county';

export function regionLevelOf(code: string): RegionLevel | undefined {
  if (!/^\d{6}$/.test(code) || code.startsWith('00')) return undefined;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Whether `child` lies inside `parent` (or is the same division). */
export function isRegionWithin(parent: string, child: string): boolean {
  const level = regionLevelOf(parent);
  if (!level || !regionLevelOf(child)) return false;
  const prefix = level === 'province' ? 2 : level === 'city' ? 4 : 6;
  return child.slice(0, prefix) === parent.slice(0, prefix);
}
