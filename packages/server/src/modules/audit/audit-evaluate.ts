import {
  evaluateYear,
  type PolicyRegistry,
  type ResolvedPolicy,
  type YearReport,
} from '@jijiao/domain';
import { activityOf, policyFor } from '../learner-year/year-report';
import { placeOfUnit, type UnitPlace } from '../credits/claim-place';
import type { OrgRow } from '../orgs/orgs.service';

/** An effective claim as the audit job loads it (one SQL pass, grouped per person). */
export interface AuditClaim {
  id: string;
  year: number;
  activity: Record<string, unknown>;
}

export interface AuditPersonInput {
  personId: string;
  unitId: string;
  claims: readonly AuditClaim[];
}

/** What the job stores per person. */
export interface AuditEvaluation {
  personId: string;
  unitId: string;
  compliant: boolean;
  totalCredits: number;
  classCredits: Record<string, number>;
  requirements: unknown[];
  reasons: { claimId: string; credits: number; class: string | null; reasons: string[] }[];
  packVersions: { id: string; version: string }[];
  certificateHours: number | null;
}

interface UnitPolicy {
  where: UnitPlace;
  policy: ResolvedPolicy;
  /** Earlier years count towards a multi-year stage (the 2006 measures' 5-year stage). */
  fromYear: number;
}

/**
 * The places and policies of every unit of a province, from the province's org rows (one
 * query by the caller): the same resolution the learner's year uses.
 */
export class AuditPolicies {
  private readonly byUnit = new Map<string, UnitPolicy>();
  private readonly orgsById: Map<string, OrgRow>;

  constructor(
    private readonly registry: PolicyRegistry,
    orgRows: readonly OrgRow[],
    private readonly year: number,
  ) {
    this.orgsById = new Map(orgRows.map((o) => [o.id, o]));
  }

  /** The earliest claim year any unit's evaluation needs. */
  fromYearOf(unitIds: Iterable<string>): number {
    let from = this.year;
    for (const id of unitIds) from = Math.min(from, this.of(id).fromYear);
    return from;
  }

  of(unitId: string): UnitPolicy {
    const cached = this.byUnit.get(unitId);
    if (cached) return cached;
    const unit = this.orgsById.get(unitId);
    if (!unit) throw new Error(`unit ${unitId} is not in the province`);
    const ancestors = unit.path
      .split('/')
      .filter(Boolean)
      .slice(0, -1)
      .reverse()
      .flatMap((id) => this.orgsById.get(id) ?? []);
    const where = placeOfUnit(unit, ancestors);
    // The same resolution as the learner's year (packs by place and year, stage years).
    const entry = { where, ...policyFor(this.registry, where, this.year) };
    this.byUnit.set(unitId, entry);
    return entry;
  }
}

/** The pure rules engine over one person's effective claims; nothing else is read. */
export function evaluatePerson(
  policies: AuditPolicies,
  year: number,
  input: AuditPersonInput,
): AuditEvaluation {
  const up = policies.of(input.unitId);
  const counted = input.claims.filter((c) => c.year >= up.fromYear && c.year <= year);
  const result = evaluateYear({
    policy: up.policy,
    place: up.where.place,
    person: { unitLevel: up.where.unitLevel },
    activities: counted.map(activityOf),
  });
  if (!result.ok) throw new Error(`person ${input.personId}: ${result.problem.message}`);
  return toEvaluation(input, year, result.report);
}

function toEvaluation(input: AuditPersonInput, year: number, report: YearReport): AuditEvaluation {
  const yearOf = new Map(input.claims.map((c) => [c.id, c.year]));
  return {
    personId: input.personId,
    unitId: input.unitId,
    compliant: report.compliant,
    totalCredits: report.totalCredits,
    classCredits: report.classCredits,
    requirements: report.requirements,
    reasons: report.activities
      .filter((a) => yearOf.get(a.id) === year)
      .map((a) => ({ claimId: a.id, credits: a.credits, class: a.class, reasons: a.reasons })),
    packVersions: report.packs.map((id) => ({ id, version: report.packVersions[id] ?? '' })),
    certificateHours: report.certificateHours ?? null,
  };
}
