import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { claimYearArchives } from '../../platform/db/tables/claim-archives';

/** The partition of a year's claims (created by `credit_claims_add_year`, migrations 0028, 0030). */
export function partitionOf(year: number): string {
  return `credit_claims_y${String(year)}`;
}

/** What stands in the way of archiving a year, as the database sees it. */
export interface YearFacts {
  archived: boolean;
  claims: number;
  /** Claims of the year still waiting in a review queue. */
  inReview: number;
  /** Provinces with claims of the year and no filed audit of it (names). */
  unaudited: string[];
  /** Every province with claims of the year. */
  provinces: { path: string }[];
}

/**
 * The rows that leave the database with a year, table by table, in the order they are
 * written to the archive: the claims first, then what points at them. Each is a query of
 * `json_build_object('t', table, 'row', …)` lines.
 */
function archivedRows(year: number): { table: string; query: SQL }[] {
  const part = sql.raw(`public."${partitionOf(year)}"`);
  const ofYear = (table: string) =>
    sql`select json_build_object('t', ${table}::text, 'row', to_jsonb(x))::text as line
          from ${sql.raw(`public.${table}`)} x
         where x.claim_year = ${year} and x.claim_id in (select id from ${part})
         order by x.claim_id`;
  return [
    {
      table: 'credit_claims',
      query: sql`select json_build_object('t', 'credit_claims', 'row', to_jsonb(x))::text as line
                   from ${part} x order by x.id`,
    },
    { table: 'credit_provenances', query: ofYear('credit_provenances') },
    { table: 'claim_reviews', query: ofYear('claim_reviews') },
    { table: 'claim_evidence', query: ofYear('claim_evidence') },
    { table: 'award_lines', query: ofYear('award_lines') },
    {
      table: 'evidence_files',
      query: sql`select json_build_object('t', 'evidence_files', 'row', to_jsonb(f))::text as line
                   from public.evidence_files f
                  where f.sha256 in (${orphanedFiles(year)})
                  order by f.sha256`,
    },
  ];
}

/** Evidence files only the year's claims use: they leave with it. */
function orphanedFiles(year: number): SQL {
  return sql`select e.sha256 from public.claim_evidence e
              where e.claim_year = ${year}
                and not exists (select 1 from public.claim_evidence o
                                 where o.sha256 = e.sha256 and o.claim_year <> ${year})`;
}

export class ClaimYearsRepository {
  /**
   * `credit_claims_add_year` (migration 0030): whether it created the year's partition, and
   * how many claims it moved into it from the default partition.
   */
  async addYear(db: DbOrTx, year: number): Promise<{ created: boolean; moved: number }> {
    const [row] = await queryRows<{ created: boolean; moved: number }>(
      db,
      sql`select created, moved from public.credit_claims_add_year(${year}::int)`,
    );
    return { created: row?.created ?? false, moved: row?.moved ?? 0 };
  }

  /** Years with claims in the default partition, and how many (none while each year has its own). */
  async yearsInDefault(db: DbOrTx): Promise<{ year: number; claims: number }[]> {
    return queryRows<{ year: number; claims: number }>(
      db,
      sql`select year, count(*)::int as claims from public.credit_claims_default
           group by year order by year`,
    );
  }

  async yearFacts(db: DbOrTx, year: number): Promise<YearFacts> {
    const [row] = await queryRows<{
      archived: boolean;
      claims: number;
      in_review: number;
    }>(
      db,
      sql`select exists (select 1 from ${claimYearArchives} a where a.year = ${year}) as archived,
                 (select count(*)::int from public.credit_claims where year = ${year}) as claims,
                 (select count(*)::int from public.credit_claims
                   where year = ${year} and status = 'submitted') as in_review`,
    );
    const provinces = await queryRows<{ name: string; path: string; filed: boolean }>(
      db,
      sql`select p.name, p.path,
                 exists (select 1 from public.audits a
                          where a.province_id = p.id and a.year = ${year}
                            and a.status = 'filed') as filed
            from public.orgs p
           where p.id in (select distinct split_part(o.path, '/', 2)::uuid
                            from public.credit_claims c join public.orgs o on o.id = c.unit_id
                           where c.year = ${year})
           order by p.name`,
    );
    return {
      archived: row?.archived ?? false,
      claims: row?.claims ?? 0,
      inReview: row?.in_review ?? 0,
      unaudited: provinces.filter((p) => !p.filed).map((p) => p.name),
      provinces: provinces.map((p) => ({ path: p.path })),
    };
  }

  /** Holds off writes to the year's claims until the transaction ends; reads go on. */
  async lockYear(db: DbOrTx, year: number): Promise<void> {
    await db.execute(sql`lock table ${sql.raw(`public."${partitionOf(year)}"`)} in exclusive mode`);
  }

  /**
   * Hands every row that leaves with the year to `write`, a page at a time (an SQL cursor
   * inside the caller's transaction: the same snapshot the deletes then act on).
   */
  async eachArchivedRow(
    db: DbOrTx,
    year: number,
    write: (lines: string[]) => Promise<void>,
  ): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const { table, query } of archivedRows(year)) {
      counts[table] = 0;
      await db.execute(sql`declare archive_rows no scroll cursor for ${query}`);
      // Evidence files carry their bytes (a scan can be megabytes): a few at a time.
      const pageRows = sql.raw(table === 'evidence_files' ? '8' : '500');
      for (;;) {
        const page = await queryRows<{ line: string }>(
          db,
          sql`fetch forward ${pageRows} from archive_rows`,
        );
        if (page.length === 0) break;
        counts[table] += page.length;
        await write(page.map((r) => r.line));
      }
      await db.execute(sql`close archive_rows`);
    }
    return counts;
  }

  /**
   * Removes what points at the year's claims (award lines keep their row, unlinked), then
   * detaches the year's partition and drops it: the claims are in the archive file.
   */
  async removeYear(db: DbOrTx, year: number): Promise<void> {
    const part = sql.raw(`public."${partitionOf(year)}"`);
    await db.execute(
      sql`create temporary table archived_files on commit drop as ${orphanedFiles(year)}`,
    );
    for (const table of ['credit_provenances', 'claim_reviews', 'claim_evidence'])
      await db.execute(
        sql`delete from ${sql.raw(`public.${table}`)}
             where claim_year = ${year} and claim_id in (select id from ${part})`,
      );
    await db.execute(
      sql`delete from public.evidence_files where sha256 in (select sha256 from archived_files)`,
    );
    await db.execute(
      sql`update public.award_lines set claim_id = null, claim_year = null
           where claim_year = ${year} and claim_id in (select id from ${part})`,
    );
    await db.execute(sql`alter table public.credit_claims detach partition ${part}`);
    await db.execute(sql`drop table ${part}`);
  }

  async recordArchive(db: DbOrTx, row: typeof claimYearArchives.$inferInsert): Promise<void> {
    await db.insert(claimYearArchives).values(row);
  }

  /**
   * The record of an archived year, if it is archived; `forUpdate` holds it until the
   * transaction ends (a second restore of the year waits, then finds none).
   */
  async archiveOf(
    db: DbOrTx,
    year: number,
    forUpdate = false,
  ): Promise<typeof claimYearArchives.$inferSelect | undefined> {
    const query = db.select().from(claimYearArchives).where(eq(claimYearArchives.year, year));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }

  /** The years archived (their partitions detached and dropped). */
  async archivedYears(db: DbOrTx): Promise<number[]> {
    const rows = await db.select({ year: claimYearArchives.year }).from(claimYearArchives);
    return rows.map((r) => r.year);
  }

  /** The year is live again: it may be archived again later. */
  async forgetArchive(db: DbOrTx, year: number): Promise<void> {
    await db.delete(claimYearArchives).where(eq(claimYearArchives.year, year));
  }

  /**
   * Puts archived rows of one table back as they were written (`to_jsonb` of each row):
   * inserted whole, except evidence files already there again (the same bytes uploaded
   * since: content-addressed) and award lines, whose rows stayed and are linked again.
   */
  async restoreRows(db: DbOrTx, table: ArchivedTable, rows: readonly unknown[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows);
    const target = sql.raw(`public.${table}`);
    const from = sql`jsonb_populate_recordset(null::${target}, ${json}::jsonb)`;
    if (table === 'award_lines') {
      await db.execute(
        sql`update public.award_lines a set claim_id = r.claim_id, claim_year = r.claim_year
              from ${from} r where a.id = r.id`,
      );
      return;
    }
    const conflict = table === 'evidence_files' ? sql` on conflict (sha256) do nothing` : sql``;
    await db.execute(sql`insert into ${target} select * from ${from}${conflict}`);
  }
}

/** The tables an archive file holds, in the order it holds them. */
export const archivedTables = [
  'credit_claims',
  'credit_provenances',
  'claim_reviews',
  'claim_evidence',
  'award_lines',
  'evidence_files',
] as const;
export type ArchivedTable = (typeof archivedTables)[number];
