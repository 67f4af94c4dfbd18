import type { Place } from '../rules/resolve-policy';
import type { UnitLevel } from '../rules/vocabulary';

/** Where a unit is for the rules engine: its GB/T 2260 codes and the level it reports at. */
export interface UnitPlace {
  place: Place;
  unitLevel: UnitLevel | undefined;
}

/** What the place of a unit needs of an organisation. */
export interface PlacedOrg {
  kind: string;
  unitType: string | null;
  regionCode: string | null;
}

const levelByParentKind: Partial<Record<string, UnitLevel>> = {
  province: 'provincial',
  city: 'city',
  district: 'county',
};

/**
 * The place of a unit from its own region code (or the nearest ancestor's): province
 * `xx0000`, city `xxxx00`, district the full code. `ancestors` nearest first. The level
 * the unit reports at follows its parent's kind; a township health centre is `township`.
 */
export function placeOfUnit(unit: PlacedOrg, ancestors: readonly PlacedOrg[]): UnitPlace {
  const code = unit.regionCode ?? ancestors.find((a) => a.regionCode)?.regionCode ?? '000000';
  const province = `${code.slice(0, 2)}0000`;
  const city = code.endsWith('0000') ? undefined : `${code.slice(0, 4)}00`;
  const district = code.endsWith('00') ? undefined : code;
  const parentKind = ancestors[0]?.kind ?? '';
  const unitLevel =
    unit.unitType === 'township_health_centre' ? 'township' : levelByParentKind[parentKind];
  return { place: { province, city, district }, unitLevel };
}
