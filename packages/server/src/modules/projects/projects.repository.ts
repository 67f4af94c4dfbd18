import { and, asc, count, desc, eq, gte, ilike, inArray, lte, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { likeContains, pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { projects } from '../../platform/db/tables/projects';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type ProjectView = ProjectRow & { hostName: string; hostPath: string };

export interface ProjectFilter {
  scope?: readonly string[];
  number?: string;
  name?: string;
  host?: string;
  year?: number;
  level?: string;
  statuses?: readonly string[];
  after?: { startDate: string; id: string };
  limit: number;
}

const viewColumns = { project: projects, hostName: orgs.name, hostPath: orgs.path };

function toView(row: { project: ProjectRow; hostName: string; hostPath: string }): ProjectView {
  return { ...row.project, hostName: row.hostName, hostPath: row.hostPath };
}

export class ProjectsRepository {
  async findView(db: DbOrTx, id: string): Promise<ProjectView | undefined> {
    const rows = await db
      .select(viewColumns)
      .from(projects)
      .innerJoin(orgs, eq(orgs.id, projects.hostId))
      .where(eq(projects.id, id));
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async findByNumbers(db: DbOrTx, numbers: readonly string[]): Promise<ProjectView[]> {
    if (numbers.length === 0) return [];
    const rows = await db
      .select(viewColumns)
      .from(projects)
      .innerJoin(orgs, eq(orgs.id, projects.hostId))
      .where(inArray(projects.number, [...numbers]));
    return rows.map(toView);
  }

  /** Newest first: keyset on (start_date desc, id desc). */
  async page(db: DbOrTx, f: ProjectFilter): Promise<ProjectView[]> {
    const rows = await db
      .select(viewColumns)
      .from(projects)
      .innerJoin(orgs, eq(orgs.id, projects.hostId))
      .where(
        and(
          this.#filter(f),
          f.after
            ? or(
                sql`${projects.startDate} < ${f.after.startDate}::date`,
                and(
                  sql`${projects.startDate} = ${f.after.startDate}::date`,
                  lt(projects.id, f.after.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(projects.startDate), desc(projects.id))
      .limit(f.limit);
    return rows.map(toView);
  }

  /** How many projects the page's filter matches, all pages together. */
  async countMatching(db: DbOrTx, f: Omit<ProjectFilter, 'after' | 'limit'>): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(projects)
      .innerJoin(orgs, eq(orgs.id, projects.hostId))
      .where(this.#filter(f));
    return row?.n ?? 0;
  }

  #filter(f: Omit<ProjectFilter, 'after' | 'limit'>) {
    return and(
      f.scope ? pathWithin(orgs.path, f.scope) : undefined,
      f.number ? ilike(projects.number, likeContains(f.number)) : undefined,
      f.name ? ilike(projects.name, likeContains(f.name)) : undefined,
      f.host ? ilike(orgs.name, likeContains(f.host)) : undefined,
      f.year ? eq(projects.year, f.year) : undefined,
      f.level ? eq(projects.level, f.level) : undefined,
      f.statuses ? inArray(projects.status, [...f.statuses]) : undefined,
    );
  }

  async insert(db: DbOrTx, rows: readonly NewProject[]): Promise<ProjectRow[]> {
    const inserted: ProjectRow[] = [];
    for (let i = 0; i < rows.length; i += 500)
      inserted.push(
        ...(await db
          .insert(projects)
          .values(rows.slice(i, i + 500))
          .returning()),
      );
    return inserted;
  }

  /** Updates only while the project is in `status`; answers false when it no longer is (a race). */
  async updateIfStatus(
    db: DbOrTx,
    id: string,
    status: string,
    patch: Partial<NewProject>,
  ): Promise<boolean> {
    const rows = await db
      .update(projects)
      .set(patch)
      .where(and(eq(projects.id, id), eq(projects.status, status)))
      .returning({ id: projects.id });
    return rows.length === 1;
  }

  /**
   * Projects within `scope` starting between two days (inclusive), cancelled ones left out:
   * the first `limit` by start date, and how many there are in all.
   */
  async startingBetween(
    db: DbOrTx,
    f: { scope: readonly string[]; from: string; until: string; limit: number },
  ): Promise<{ rows: ProjectView[]; total: number }> {
    const where = and(
      pathWithin(orgs.path, f.scope),
      ne(projects.status, 'cancelled'),
      gte(projects.startDate, f.from),
      lte(projects.startDate, f.until),
    );
    const [rows, totals] = await Promise.all([
      db
        .select(viewColumns)
        .from(projects)
        .innerJoin(orgs, eq(orgs.id, projects.hostId))
        .where(where)
        .orderBy(asc(projects.startDate), asc(projects.number))
        .limit(f.limit),
      db
        .select({ total: count() })
        .from(projects)
        .innerJoin(orgs, eq(orgs.id, projects.hostId))
        .where(where),
    ]);
    return { rows: rows.map(toView), total: totals[0]?.total ?? 0 };
  }

  /**
   * Filed (or finished) projects answering a claim's filed-project query: the number, or
   * the name with a day between the start and end dates.
   */
  async filedMatching(
    db: DbOrTx,
    query: { by: 'number'; number: string } | { by: 'name_and_dates'; name: string; date: string },
  ): Promise<ProjectRow[]> {
    const found =
      query.by === 'number'
        ? eq(projects.number, query.number)
        : and(
            eq(projects.name, query.name),
            lte(projects.startDate, query.date),
            gte(projects.endDate, query.date),
          );
    return db
      .select()
      .from(projects)
      .where(and(inArray(projects.status, ['filed', 'finished']), found))
      .orderBy(asc(projects.startDate), asc(projects.number))
      .limit(5);
  }
}
