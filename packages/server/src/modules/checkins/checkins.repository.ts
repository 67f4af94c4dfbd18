import { and, asc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../platform/db/database';
import { preparedRaw } from '../../platform/db/prepared';
import {
  attendanceRules,
  checkinDevices,
  projectSessions,
  sessionRegistrations,
} from '../../platform/db/tables/checkins';

export type SessionRow = typeof projectSessions.$inferSelect;
export type NewSession = typeof projectSessions.$inferInsert;
export type DeviceRow = typeof checkinDevices.$inferSelect;

/** A swipe the insert skipped for a row committed after the statement's snapshot. */
export interface RacedSwipe {
  clientId: string;
  sessionId: string;
  personId: string;
}

/** One swipe as the statement takes it: a card number (normalised, or null) or a QR's person. */
export interface SwipeToRecord {
  ord: number;
  /** The hash of the token of the kiosk that sent it (swipes of several kiosks share a statement). */
  token_hash: string;
  client_id: string;
  session_id: string;
  /** A well-formed, normalised card number; null for a QR swipe or a malformed number. */
  card_number: string | null;
  /** The person a QR token verified at the swipe's time names; null if none. */
  qr_person_id: string | null;
  qr: boolean;
  swiped_at: string;
}

/** What the one statement found and did for one swipe (see `recordSwipes`). */
export interface SwipeFacts {
  ord: number;
  device_id: string;
  /** Null when the session is not one of the device's filed project. */
  registration_required: boolean | null;
  card_status: 'blank' | 'active' | 'lost' | null;
  person_id: string | null;
  person_name: string | null;
  registered: boolean;
  /** Whether it was offered to the insert. */
  accepted: boolean;
  /** Set when this statement inserted it. */
  inserted_at: Date | string | null;
  /** Offered but skipped: the first recording of the same client id by this device … */
  resent_at: Date | string | null;
  /** … or of the person in the session (null for both only when a concurrent insert won). */
  first_at: Date | string | null;
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

  async cardsByNumber(db: DbOrTx, numbers: readonly string[]): Promise<IdentifiedCard[]> {
    if (numbers.length === 0) return [];
    return queryRows<IdentifiedCard>(
      db,
      sql`select c.id, c.number, c.status, c.person_id, p.name as person_name
          from cards c left join people p on p.id = c.person_id
          where c.number in (select jsonb_array_elements_text(${jsonArray(numbers)}))`,
    );
  }

  /**
   * The hot path, one statement for the swipes of one or several requests (ADR 0033, ADR
   * 0043): each swipe's device by its token hash, its session (of the device's filed
   * project), card and person, registration where the session needs it, the INSERT … ON
   * CONFLICT DO NOTHING of the swipes the domain would accept (in `ord` order: an earlier
   * swipe of the same person and session wins), and for a swipe it skipped the row that was
   * there first (a resend by the same device and client id, or the person's check-in of the
   * session). Every part reads the statement's snapshot, so a row inserted by this
   * statement is found in `inserted`. A swipe whose token names no live device has no row.
   *
   * `accepted` mirrors `decideSwipe` (session known, an active card or a valid QR token,
   * registered where required) and a known person: only those rows are inserted; the
   * service decides the answer from the facts returned.
   */
  async recordSwipes(
    db: Db,
    swipes: readonly SwipeToRecord[],
    recordedAt: string,
  ): Promise<SwipeFacts[]> {
    return recordSwipesStatement(db, { swipes: JSON.stringify(swipes), recordedAt });
  }

  /** For the swipes not inserted: the rows that were there first (a resend, or a duplicate). */
  async existingCheckIns(
    db: DbOrTx,
    deviceId: string,
    rows: readonly RacedSwipe[],
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

/**
 * The statement of `CheckinsRepository.recordSwipes`. Each lookup is a lateral subquery
 * with `limit 1` (all by unique keys), so the planner keeps them index lookups per swipe
 * instead of hashing `cards` or `people` for a list it guesses at 100 rows.
 */
const recordSwipesStatement = preparedRaw<SwipeFacts>(
  'checkin_record_swipes',
  recordSwipesSql(sql.placeholder('swipes'), sql.placeholder('recordedAt')),
);

function recordSwipesSql(swipes: Placeholder, recordedAt: Placeholder): SQL {
  return sql`with fact as (
            select w.ord, d.id as device_id, w.client_id, w.session_id, w.qr, w.swiped_at,
              s.registration_required, c.id as card_id, c.status as card_status,
              p.id as person_id, p.name as person_name,
              coalesce(s.registration_required and p.id is not null and exists (
                select 1 from session_registrations r
                where r.session_id = w.session_id and r.person_id = p.id), false) as registered
            from jsonb_to_recordset(${swipes}::jsonb) as w(ord int, token_hash text, client_id uuid,
              session_id uuid, card_number text, qr_person_id uuid, qr boolean, swiped_at timestamptz)
            cross join lateral (
              select id, project_id from checkin_devices
              where token_hash = w.token_hash and revoked_at is null
              limit 1
            ) d
            left join lateral (
              select s.registration_required from project_sessions s
              join projects pr on pr.id = s.project_id
              where s.id = w.session_id and s.project_id = d.project_id and pr.status = 'filed'
              limit 1
            ) s on true
            left join lateral (
              select c.id, c.status, c.person_id from cards c
              where not w.qr and c.number = w.card_number limit 1
            ) c on true
            left join lateral (
              select p.id, p.name from people p
              where p.id = case when w.qr then w.qr_person_id else c.person_id end limit 1
            ) p on true
          ), candidate as (
            select * from fact
            where registration_required is not null and person_id is not null
              and (qr or card_status = 'active') and (not registration_required or registered)
          ), inserted as (
            insert into check_ins (device_id, client_id, session_id, person_id, card_id, method, swiped_at, recorded_at)
            select device_id, client_id, session_id, person_id, card_id,
              case when qr then 'qr' else 'card' end, swiped_at, ${recordedAt}::timestamptz
            from candidate order by ord
            on conflict do nothing
            returning device_id, client_id, session_id, person_id, recorded_at
          )
          select f.ord, f.device_id, f.registration_required, f.card_status, f.person_id, f.person_name,
            f.registered, k.ord is not null as accepted, i.recorded_at as inserted_at,
            case when k.ord is not null and i.client_id is null then
              (select e.recorded_at from check_ins e
               where e.device_id = f.device_id and e.client_id = f.client_id) end as resent_at,
            case when k.ord is not null and i.client_id is null then coalesce(
              (select e.recorded_at from check_ins e
               where e.session_id = f.session_id and e.person_id = f.person_id),
              (select j.recorded_at from inserted j
               where j.session_id = f.session_id and j.person_id = f.person_id)) end as first_at
          from fact f
          left join candidate k on k.ord = f.ord
          left join inserted i on i.device_id = f.device_id and i.client_id = f.client_id
          order by f.ord`;
}
