import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';

export interface VoidYearInput {
  personId: string;
  year: number;
  /** Only this claim of the person's year (one fraudulent credit); all of them when absent. */
  claimId?: string;
  reason: string;
  actorUserId: string;
  at: Date;
}

/**
 * Fraud (弄虚作假): every claim of the person's year (or the one named) that is not already
 * voided or rejected becomes `voided`, set-based, with one review-history row per claim.
 * Answers the ids.
 */
export async function voidClaimsOfYear(tx: DbOrTx, input: VoidYearInput): Promise<string[]> {
  const rows = await queryRows<{ id: string; fromStatus: string; step: number }>(
    tx,
    sql`with voided as (
          select id, status, current_step from credit_claims
          where person_id = ${input.personId} and year = ${input.year}
            and status not in ('voided', 'rejected')
            ${input.claimId === undefined ? sql`` : sql`and id = ${input.claimId}`}
          for update
        ), updated as (
          update credit_claims c set status = 'voided', version = c.version + 1,
            current_reviewer_org_id = null, decided_at = ${input.at}, updated_at = ${input.at}
          from voided v where c.id = v.id
          returning c.id
        )
        select v.id, v.status as "fromStatus", v.current_step as step
        from voided v join updated u on u.id = v.id`,
  );
  if (rows.length > 0) {
    await tx.execute(
      sql`insert into claim_reviews (claim_id, step, actor_user_id, action, from_status, to_status, reason, at)
          values ${sql.join(
            rows.map(
              (r) =>
                sql`(${r.id}::uuid, ${r.step}, ${input.actorUserId}::uuid, 'void', ${r.fromStatus}, 'voided', ${input.reason}, ${input.at})`,
            ),
            sql`, `,
          )}`,
    );
  }
  return rows.map((r) => r.id);
}

/** The claim's person, year and status, locked for the void that follows. */
export async function lockClaimForVoid(
  tx: DbOrTx,
  claimId: string,
): Promise<{ personId: string; year: number; status: string } | undefined> {
  const rows = await queryRows<{ personId: string; year: number; status: string }>(
    tx,
    sql`select person_id as "personId", year, status from credit_claims
        where id = ${claimId} for update`,
  );
  return rows[0];
}
