/**
 * Resolution: for a place and a year, the national pack for that year, then the province,
 * city and district overlays that cover the year, each laid over the last.
 */
import {
  checkMergedRules,
  coversYear,
  loadPolicyPack,
  mergeRules,
  PolicyPackError,
  type NationalPack,
  type OverlayPack,
  type PlaceLevel,
  type PolicyPack,
} from './policy-pack';
import type { PolicyRules } from './policy-schema';

export interface Place {
  province: string;
  city?: string | undefined;
  district?: string | undefined;
}

export interface ResolvedPolicy {
  year: number;
  /** The packs that decided, most general first. */
  packs: { id: string; version: string }[];
  rules: PolicyRules;
}

export type PolicyResolution =
  | { ok: true; policy: ResolvedPolicy }
  | { ok: false; problem: 'no_national_pack'; message: string };

export interface PolicyRegistry {
  packs: readonly PolicyPack[];
  resolve(place: Place, year: number): PolicyResolution;
}

const overlayOrder: PlaceLevel[] = ['province', 'city', 'district'];

function yearsOverlap(a: PolicyPack, b: PolicyPack): boolean {
  const from = Math.max(a.years.from ?? -Infinity, b.years.from ?? -Infinity);
  const to = Math.min(a.years.to ?? Infinity, b.years.to ?? Infinity);
  return from <= to;
}

function stack(national: NationalPack, overlays: OverlayPack[]): PolicyRules {
  let rules = national.rules;
  for (const overlay of overlays) {
    rules = checkMergedRules(overlay.id, mergeRules(rules, overlay.rules));
  }
  return rules;
}

function placeCode(place: Place, level: PlaceLevel): string | undefined {
  if (level === 'province') return place.province;
  if (level === 'city') return place.city;
  return place.district;
}

/**
 * Validates the packs and checks that they fit together: one national pack per year, one
 * overlay per place and year, and every overlay valid on every national pack it can meet.
 */
export function createPolicyRegistry(rawPacks: readonly unknown[]): PolicyRegistry {
  const packs = rawPacks.map(loadPolicyPack);
  const nationals = packs.filter((p): p is NationalPack => p.level === 'national');
  const overlays = packs.filter((p): p is OverlayPack => p.level !== 'national');
  packs.forEach((pack, index) => {
    const clash = packs.slice(0, index).find((other) => {
      if (other.id === pack.id) return true;
      const samePlace =
        other.level === pack.level && (other.level === 'national' || samePlaceCode(other, pack));
      return samePlace && yearsOverlap(other, pack);
    });
    if (clash) {
      const why = clash.id === pack.id ? 'repeats the id of another pack' : `overlaps ${clash.id}`;
      throw new PolicyPackError(pack.id, 'years', why);
    }
  });
  for (const overlay of overlays) {
    for (const national of nationals.filter((n) => yearsOverlap(n, overlay))) {
      stack(national, [overlay]);
    }
  }

  function resolve(place: Place, year: number): PolicyResolution {
    const national = nationals.find((p) => coversYear(p, year));
    if (!national) {
      return {
        ok: false,
        problem: 'no_national_pack',
        message: `no national policy pack covers ${year}`,
      };
    }
    const applying = overlayOrder.flatMap((level) =>
      overlays.filter(
        (o) => o.level === level && o.code === placeCode(place, level) && coversYear(o, year),
      ),
    );
    return {
      ok: true,
      policy: {
        year,
        packs: [national, ...applying].map(({ id, version }) => ({ id, version })),
        rules: stack(national, applying),
      },
    };
  }

  return { packs, resolve };
}

function samePlaceCode(a: PolicyPack, b: PolicyPack): boolean {
  return 'code' in a && 'code' in b && a.code === b.code;
}
