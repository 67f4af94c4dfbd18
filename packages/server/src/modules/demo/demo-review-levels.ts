import type { Tx } from '../../platform/db/database';
import type { ClaimActor } from '../credits/claim-lifecycle';
import type { ClaimReview } from '../credits/claim-review.service';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { PersonRow } from '../people/people.repository';

/** A demo claim: whose (a unit's staff, from the end of the list), what, and who approved it so far. */
interface LevelClaim {
  unitKey: string;
  activity: Record<string, unknown>;
  /** Usernames approving the first steps, in order: one person per step (ADR 0023). */
  approvedBy: readonly string[];
}

/**
 * Entered by the units and walked part of their chains, so that at start a claim waits at
 * every level of the demo's chains, each with its own reviewer account: 江南区医学会
 * (association), 江北区卫生健康局 (district), 东湖市卫健委 (city), 省继教办 (province). The
 * unit's own first review has the self-reports of seedDemoClaims.
 */
const levelClaims = (day: (daysAgo: number) => string): readonly LevelClaim[] => [
  // At the association (the Jiangnan chain: association → city → CME office).
  {
    unitKey: 'jiangnan-hospital',
    activity: { type: 'case_discussion', date: day(9), role: 'participant', times: 2 },
    approvedBy: [],
  },
  {
    unitKey: 'jiangbin-chc',
    activity: { type: 'case_discussion', date: day(11), role: 'participant', times: 1 },
    approvedBy: [],
  },
  // At the district (the default chain: district → city → CME office).
  {
    unitKey: 'jiangbei-tcm',
    activity: { type: 'case_discussion', date: day(8), role: 'participant', times: 2 },
    approvedBy: [],
  },
  {
    unitKey: 'jiangbei-cdc',
    activity: { type: 'paper', date: day(30), journal: 'core', authorRank: 3 },
    approvedBy: [],
  },
  // At the city, approved below it.
  {
    unitKey: 'jiangnan-hospital',
    activity: { type: 'paper', date: day(25), journal: 'core', authorRank: 1 },
    approvedBy: ['demo-association-reviewer'],
  },
  {
    unitKey: 'jiangbei-tcm',
    activity: { type: 'case_discussion', date: day(14), role: 'speaker', times: 1 },
    approvedBy: ['demo-district-reviewer'],
  },
  // At the province's CME office: the provincial hospital reports straight to it.
  {
    unitKey: 'provincial-hospital',
    activity: { type: 'paper', date: day(21), journal: 'core', authorRank: 2 },
    approvedBy: [],
  },
  {
    unitKey: 'jiangnan-hospital',
    activity: { type: 'case_discussion', date: day(18), role: 'speaker', times: 1 },
    approvedBy: ['demo-association-reviewer', 'demo-reviewer'],
  },
];

export async function seedDemoReviewLevels(
  tx: Tx,
  services: { intake: CreditIntake; claimReview: ClaimReview },
  options: {
    unitIdOf: (key: string) => string;
    userIdOf: (username: string) => string | undefined;
    people: readonly PersonRow[];
    now: Date;
  },
): Promise<number> {
  const day = (daysAgo: number) =>
    new Date(options.now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const taken = new Map<string, number>();
  const entry: ClaimActor = { userId: null, username: 'demo', ip: null };
  let count = 0;
  for (const claim of levelClaims(day)) {
    const unitId = options.unitIdOf(claim.unitKey);
    // From the end of the unit's staff: seedDemoClaims takes the first ones.
    const staff = options.people
      .filter((p) => p.unitId === unitId && p.userId === null)
      .sort((a, b) => b.name.localeCompare(a.name));
    const n = taken.get(unitId) ?? 0;
    const person = staff[n];
    if (!person) continue;
    taken.set(unitId, n + 1);
    const recorded = await services.intake.record(tx, {
      personId: person.id,
      channel: 'unit_bulk_entry',
      activity: claim.activity,
      initialStatus: 'submitted',
      actor: entry,
      sourceRef: 'demo',
    });
    for (const username of claim.approvedBy) {
      const userId = options.userIdOf(username);
      if (!userId) throw new Error(`demo account ${username} missing`);
      await services.claimReview.transitionInTx(tx, recorded.claimId, 'approve', {
        userId,
        username,
        ip: null,
      });
    }
    count += 1;
  }
  return count;
}
