import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { textArray } from '../../platform/db/array-param';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import {
  attendanceRules,
  checkinDevices,
  projectSessions,
  sessionRegistrations,
} from '../../platform/db/tables/checkins';

export type SessionRow = typeof projectSessions.$inferSelect;
export type NewSession = typeof projectSessions.$inferInsert;
export type DeviceRow = typeof checkinDevices.$inferSelect;

/** One swipe ready to insert: the person is known and the domain said `accepted`. */
export interface CheckInInsert {
  clientId: string;
  sessionId: string;
  personId: string;
  cardId: string | null;
  method: 'card' | 'qr';
  swipedAt: string;
}

export interface IdentifiedCard {
  id: string;
  number: string;
  status: 'blank' | 'active' | 'lost';
  person_id: string | null;
  person_name: string | null;
}

function jsonArray(values: readonly unknown[]): SQL {
  return sql`${JSON.stringify(values)}::jsonb`;
}

/** A list travels as one JSON parameter: array parameters differ between the two drivers. */
function uuids(values: readonly string[]): SQL {
  return sql`(select x::uuid from jsonb_array_elements_text(${jsonArray(values)}) x)`;
}

/**
 * A list as one Postgres array literal (`{a,b}`), the same on both drivers, for values that
 * need no quoting: UUIDs and normalised card numbers (letters and digits), checked here.
 */
export class CheckinsRepository {
  async sessionsOf(
    db: DbOrTx,
    projectId: string,
  ): Promise<(SessionRow & { checkInCount: number })[]> {
    return db
      .select({
        id: projectSessions.id,
        projectId: projectSessions.projectId,
        date: projectSessions.date,
        startTime: projectSessions.startTime,
        endTime: projectSessions.endTime,
        hours: projectSessions.hours,
        place: projectSessions.place,
        registrationRequired: projectSessions.registrationRequired,
        createdAt: projectSessions.createdAt,
        checkInCount: sql<number>`(select count(*)::int from check_ins c where c.session_id = project_sessions.id)`,
      })
      .from(projectSessions)
      .where(eq(projectSessions.projectId, projectId))
      .orderBy(asc(projectSessions.date), asc(projectSessions.startTime));
  }

  async findSession(db: DbOrTx, projectId: string, id: string): Promise<SessionRow | undefined> {
    const rows = await db
      .select()
      .from(projectSessions)
      .where(and(eq(projectSessions.projectId, projectId), eq(projectSessions.id, id)));
    return rows[0];
  }

  async insertSession(db: DbOrTx, row: NewSession): Promise<string> {
    const [inserted] = await db
      .insert(projectSessions)
      .values(row)
      .returning({ id: projectSessions.id });
    if (!inserted) throw new Error('no session created');
    return inserted.id;
  }

  async updateSession(db: DbOrTx, id: string, patch: Partial<NewSession>): Promise<void> {
    await db.update(projectSessions).set(patch).where(eq(projectSessions.id, id));
  }

  async deleteSessionIfUnused(db: DbOrTx, id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`delete from project_sessions s where s.id = ${id}
            and not exists (select 1 from check_ins c where c.session_id = s.id)
            and not exists (select 1 from session_registrations r where r.session_id = s.id)
          returning s.id`,
    );
    return rows.length === 1;
  }

  async register(db: DbOrTx, sessionId: string, personIds: readonly string[]): Promise<number> {
    if (personIds.length === 0) return 0;
    const rows = await db
      .insert(sessionRegistrations)
      .values(personIds.map((personId) => ({ sessionId, personId })))
      .onConflictDoNothing()
      .returning({ personId: sessionRegistrations.personId });
    return rows.length;
  }

  async devicesOf(db: DbOrTx, projectId: string): Promise<DeviceRow[]> {
    return db
      .select()
      .from(checkinDevices)
      .where(eq(checkinDevices.projectId, projectId))
      .orderBy(asc(checkinDevices.createdAt));
  }

  async findDevice(db: DbOrTx, id: string): Promise<DeviceRow | undefined> {
    const rows = await db.select().from(checkinDevices).where(eq(checkinDevices.id, id));
    return rows[0];
  }

  async insertDevice(db: DbOrTx, row: typeof checkinDevices.$inferInsert): Promise<DeviceRow> {
    const [inserted] = await db.insert(checkinDevices).values(row).returning();
    if (!inserted) throw new Error('no device created');
    return inserted;
  }

  async revokeDevice(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db
      .update(checkinDevices)
      .set({ revokedAt: at })
      .where(and(eq(checkinDevices.id, id), sql`${checkinDevices.revokedAt} is null`));
  }

  /** A live device by its token hash (one index lookup per request). */
  async deviceByTokenHash(
    db: DbOrTx,
    tokenHash: string,
  ): Promise<{ id: string; name: string; project_id: string } | undefined> {
    const rows = await queryRows<{ id: string; name: string; project_id: string }>(
      db,
      sql`select id, name, project_id from checkin_devices
          where token_hash = ${tokenHash} and revoked_at is null`,
    );
    return rows[0];
  }

  /**
   * The hot path's one lookup: which of the given sessions belong to the device's filed
   * project (and whether they need registration), and the cards of the given numbers with
   * their holders. One round trip; every lookup by a unique index (the holder's name by a
   * correlated subquery, so a large people table is never hashed).
   */
  async lookupSwipes(
    db: DbOrTx,
    projectId: string,
    sessionIds: readonly string[],
    numbers: readonly string[],
  ): Promise<{ sessions: Map<string, boolean>; cards: IdentifiedCard[] }> {
    const [row] = await queryRows<{
      sessions: Record<string, boolean> | string | null;
      cards: IdentifiedCard[] | string | null;
    }>(
      db,
      sql`select
            (select jsonb_object_agg(s.id, s.registration_required)
               from project_sessions s join projects p on p.id = s.project_id
              where s.project_id = ${projectId} and p.status = 'filed'
                and s.id = any(${textArray(sessionIds)})) as sessions,
            (select jsonb_agg(jsonb_build_object('id', c.id, 'number', c.number,
                      'status', c.status, 'person_id', c.person_id,
                      'person_name', (select p.name from people p where p.id = c.person_id)))
               from cards c
              where c.number = any(${textArray(numbers, 'text')})) as cards`,
    );
    const parse = <T>(value: T | string | null | undefined, empty: T): T =>
      value === null || value === undefined
        ? empty
        : typeof value === 'string'
          ? (JSON.parse(value) as T)
          : value;
    return {
      sessions: new Map(Object.entries(parse(row?.sessions, {}))),
      cards: parse(row?.cards, []),
    };
  }

  async cardsByNumber(db: DbOrTx, numbers: readonly string[]): Promise<IdentifiedCard[]> {
    if (numbers.length === 0) return [];
    return queryRows<IdentifiedCard>(
      db,
      sql`select c.id, c.number, c.status, c.person_id, p.name as person_name
          from cards c left join people p on p.id = c.person_id
          where c.number in (select jsonb_array_elements_text(${jsonArray(numbers)}))`,
    );
  }

  async peopleNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from people where id in ${uuids(ids)}`,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async registered(
    db: DbOrTx,
    pairs: readonly { sessionId: string; personId: string }[],
  ): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows = await queryRows<{ session_id: string; person_id: string }>(
      db,
      sql`select r.session_id, r.person_id from session_registrations r
          join jsonb_to_recordset(${jsonArray(pairs)}) as q("sessionId" uuid, "personId" uuid)
            on r.session_id = q."sessionId" and r.person_id = q."personId"`,
    );
    return new Set(rows.map((r) => `${r.session_id}|${r.person_id}`));
  }

  /**
   * The hot path: one INSERT for the whole request. A row whose client id or (session,
   * person) exists already is skipped by the two unique indexes; the inserted ones return.
   */
  async insertCheckIns(
    db: DbOrTx,
    deviceId: string,
    rows: readonly CheckInInsert[],
    recordedAt: string,
  ): Promise<{ client_id: string; recorded_at: Date | string }[]> {
    if (rows.length === 0) return [];
    return queryRows(
      db,
      sql`insert into check_ins (device_id, client_id, session_id, person_id, card_id, method, swiped_at, recorded_at)
          select ${deviceId}::uuid, q."clientId", q."sessionId", q."personId", q."cardId", q.method, q."swipedAt", ${recordedAt}::timestamptz
          from jsonb_to_recordset(${jsonArray(rows)})
            as q("clientId" uuid, "sessionId" uuid, "personId" uuid, "cardId" uuid, method text, "swipedAt" timestamptz)
          on conflict do nothing
          returning client_id, recorded_at`,
    );
  }

  /** For the swipes not inserted: the rows that were there first (a resend, or a duplicate). */
  async existingCheckIns(
    db: DbOrTx,
    deviceId: string,
    rows: readonly CheckInInsert[],
  ): Promise<
    {
      client_id: string;
      device_id: string;
      session_id: string;
      person_id: string;
      recorded_at: Date | string;
    }[]
  > {
    return queryRows(
      db,
      sql`select c.client_id, c.device_id, c.session_id, c.person_id, c.recorded_at
          from check_ins c
          join jsonb_to_recordset(${jsonArray(rows)}) as q("clientId" uuid, "sessionId" uuid, "personId" uuid)
            on (c.device_id = ${deviceId}::uuid and c.client_id = q."clientId")
            or (c.session_id = q."sessionId" and c.person_id = q."personId")`,
    );
  }

  /** Per person: the sessions of the project they checked in to. */
  async attendanceOf(db: DbOrTx, projectId: string) {
    return queryRows<{
      person_id: string;
      name: string;
      id_number_masked: string;
      unit_name: string;
      session_ids: string[];
    }>(
      db,
      sql`select c.person_id, p.name, p.id_number_masked, u.name as unit_name,
            array_agg(c.session_id order by s.date, s.start_time) as session_ids
          from check_ins c
          join project_sessions s on s.id = c.session_id
          join people p on p.id = c.person_id
          join orgs u on u.id = p.unit_id
          where s.project_id = ${projectId}
          group by c.person_id, p.name, p.id_number_masked, u.name
          order by p.name, c.person_id`,
    );
  }

  async ruleOf(db: DbOrTx, projectId: string) {
    const rows = await db
      .select()
      .from(attendanceRules)
      .where(eq(attendanceRules.projectId, projectId));
    return rows[0];
  }

  async setRule(
    db: DbOrTx,
    projectId: string,
    rule: { kind: string; minShare: number | null },
    at: Date,
  ): Promise<void> {
    await db
      .insert(attendanceRules)
      .values({ projectId, ...rule, updatedAt: at })
      .onConflictDoUpdate({
        target: attendanceRules.projectId,
        set: { kind: rule.kind, minShare: rule.minShare, updatedAt: at },
      });
  }
}
