/**
 * What may sit under what in the organisation tree, and who may review. The region
 * hierarchy is province → city → district; units, associations and hosts hang under any
 * level (a provincial hospital reports straight to the province).
 */
export type OrgKindCode =
  | 'province'
  | 'city'
  | 'district'
  | 'unit'
  | 'association'
  | 'cme_office'
  | 'host'
  | 'platform'
  | 'hr_platform';

const allowedChildren: Readonly<Record<OrgKindCode, readonly OrgKindCode[]>> = {
  province: ['city', 'unit', 'association', 'cme_office', 'host', 'platform', 'hr_platform'],
  city: ['district', 'unit', 'association', 'host'],
  district: ['unit', 'association', 'host'],
  unit: [],
  association: ['host'],
  cme_office: [],
  host: [],
  platform: [],
  hr_platform: [],
};

export function canNest(parent: OrgKindCode, child: OrgKindCode): boolean {
  return allowedChildren[parent].includes(child);
}

/** Bodies that can stand in a review chain. */
export const reviewingKinds: readonly OrgKindCode[] = [
  'district',
  'city',
  'province',
  'association',
  'cme_office',
];

export type ReviewChainProblem =
  'empty' | 'duplicate_step' | 'not_a_reviewing_body' | 'outside_province' | 'not_a_unit';

export interface ChainOrg {
  id: string;
  kind: OrgKindCode;
  /** Materialised path `/root/…/self/`; its first segment is the province. */
  path: string;
}

function provinceOf(org: ChainOrg): string {
  return org.path.split('/').filter(Boolean)[0] ?? '';
}

/** Checks a proposed review chain for a unit; an empty list means it is acceptable. */
export function checkReviewChain(
  unit: ChainOrg,
  steps: readonly ChainOrg[],
): { step: number; problem: ReviewChainProblem }[] {
  const problems: { step: number; problem: ReviewChainProblem }[] = [];
  if (unit.kind !== 'unit') problems.push({ step: 0, problem: 'not_a_unit' });
  if (steps.length === 0) problems.push({ step: 0, problem: 'empty' });
  const seen = new Set<string>();
  steps.forEach((org, index) => {
    const step = index + 1;
    if (seen.has(org.id)) problems.push({ step, problem: 'duplicate_step' });
    seen.add(org.id);
    if (!reviewingKinds.includes(org.kind))
      problems.push({ step, problem: 'not_a_reviewing_body' });
    if (provinceOf(org) !== provinceOf(unit)) problems.push({ step, problem: 'outside_province' });
  });
  return problems;
}

/**
 * The chain a unit has until a provincial admin sets one: its district, then its city
 * (the administrative bodies above it, nearest first), then the province's CME office
 * (or the province itself when it has none).
 */
/** `ancestors` nearest first. */
export function defaultReviewChain(
  ancestors: readonly ChainOrg[],
  provinceCmeOffice: ChainOrg | undefined,
): ChainOrg[] {
  const administrative = ancestors.filter((a) => a.kind === 'district' || a.kind === 'city');
  const province = ancestors.find((a) => a.kind === 'province');
  const final = provinceCmeOffice ?? province;
  return [...administrative, ...(final ? [final] : [])];
}
