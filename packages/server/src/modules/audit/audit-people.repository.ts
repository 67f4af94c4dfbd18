import { inArray, like, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import type { AuditClaim } from './audit-evaluate';

/** The people of a batch, each with their effective claims of the years the rules need. */
export interface PersonClaimsRow {
  personId: string;
  unitId: string;
  claims: AuditClaim[];
}

/** What the evaluation reads: the province's tree, its staff and their effective claims. */
export class AuditPeopleRepository {
  /** The organisations of a province's subtree (for places, cities and chains). */
  async orgsWithin(db: DbOrTx, path: string) {
    return db
      .select()
      .from(orgs)
      .where(like(orgs.path, `${path}%`));
  }

  /** How many people each unit of a subtree has (the job's batches are cut from it). */
  async staffCounts(db: DbOrTx, path: string): Promise<{ unitId: string; people: number }[]> {
    return queryRows<{ unitId: string; people: number }>(
      db,
      sql`select p.unit_id as "unitId", count(*)::int as people
          from people p join orgs o on o.id = p.unit_id
          where o.path like ${`${path}%`}
          group by p.unit_id order by p.unit_id`,
    );
  }

  /**
   * One set-based pass over the people of a few units (a batch of the job): each person
   * with their effective claims of `fromYear`…`year`, aggregated per person in SQL through
   * the (unit) and (person, year) indexes, so a batch costs what its people cost.
   */
  async peopleWithClaims(
    db: DbOrTx,
    q: { unitIds: readonly string[]; fromYear: number; year: number },
  ): Promise<PersonClaimsRow[]> {
    if (q.unitIds.length === 0) return [];
    return queryRows<PersonClaimsRow>(
      db,
      sql`with batch as (
            select p.id, p.unit_id from people p
            where p.unit_id in (${sql.join(
              q.unitIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
          )
          select b.id as "personId", b.unit_id as "unitId",
            coalesce((select json_agg(json_build_object('id', c.id, 'year', c.year, 'activity', c.activity)
                                      order by c.activity_date, c.id)
                      from credit_claims c
                      where c.person_id = b.id and c.year >= ${q.fromYear} and c.year <= ${q.year}
                        and c.status = 'effective'), '[]'::json) as claims
          from batch b
          order by b.unit_id, b.id`,
    );
  }

  /** The same read for named people (early audit, voiding). */
  async namedPeopleWithClaims(
    db: DbOrTx,
    personIds: readonly string[],
    fromYear: number,
    year: number,
  ): Promise<PersonClaimsRow[]> {
    if (personIds.length === 0) return [];
    return queryRows<PersonClaimsRow>(
      db,
      sql`select p.id as "personId", p.unit_id as "unitId",
            coalesce(json_agg(json_build_object('id', c.id, 'year', c.year, 'activity', c.activity)
                       order by c.activity_date, c.id) filter (where c.id is not null),
                     '[]'::json) as claims
          from people p
          left join credit_claims c on c.person_id = p.id and c.status = 'effective'
            and c.year >= ${fromYear} and c.year <= ${year}
          where p.id in (${sql.join(
            personIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          group by p.id, p.unit_id
          order by p.id`,
    );
  }

  async personNames(db: DbOrTx, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { name: string; unitId: string }>();
    const rows = await db
      .select({ id: people.id, name: people.name, unitId: people.unitId })
      .from(people)
      .where(inArray(people.id, [...ids]));
    return new Map(rows.map((r) => [r.id, { name: r.name, unitId: r.unitId }]));
  }
}
