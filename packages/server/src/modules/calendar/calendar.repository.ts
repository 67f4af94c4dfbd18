import { and, eq, sql } from 'drizzle-orm';
import type { ProvinceCalendarDays } from '@jijiao/domain';
import type { DbOrTx } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { intArray, textArray } from '../../platform/db/array-param';
import { orgs, provinceCalendars } from '../../platform/db/schema';

export type CalendarRow = typeof provinceCalendars.$inferSelect;
export type NewCalendarRow = typeof provinceCalendars.$inferInsert;

/** A unit's province calendar of a year, as the claim gate reads it. */
export interface UnitCalendar extends ProvinceCalendarDays {
  unitId: string;
}

export class CalendarRepository {
  async find(db: DbOrTx, provinceId: string, year: number): Promise<CalendarRow | undefined> {
    const [row] = await db
      .select()
      .from(provinceCalendars)
      .where(and(eq(provinceCalendars.provinceId, provinceId), eq(provinceCalendars.year, year)));
    return row;
  }

  async upsert(db: DbOrTx, row: NewCalendarRow): Promise<CalendarRow> {
    const { provinceId: _p, year: _y, ...changes } = row;
    const [saved] = await db
      .insert(provinceCalendars)
      .values(row)
      .onConflictDoUpdate({
        target: [provinceCalendars.provinceId, provinceCalendars.year],
        set: changes,
      })
      .returning();
    if (!saved) throw new Error('calendar upsert returned nothing');
    return saved;
  }

  /**
   * The calendars of these units' provinces for these years, one row per unit and year
   * found: the province is the root of the unit's path (one indexed read of `orgs`).
   */
  async forUnits(
    db: DbOrTx,
    unitIds: readonly string[],
    years: readonly number[],
  ): Promise<UnitCalendar[]> {
    return queryRows<UnitCalendar>(
      db,
      sql`select o.id as "unitId", c.year, c.entry_closes::text as "entryCloses",
                 c.unit_audit_due::text as "unitAuditDue", c.city_audit_due::text as "cityAuditDue",
                 c.province_filing::text as "provinceFiling",
                 c.early_audit_opens::text as "earlyAuditOpens",
                 c.early_audit_closes::text as "earlyAuditCloses"
            from ${orgs} o
            join ${provinceCalendars} c on c.province_id = split_part(o.path, '/', 2)::uuid
           where o.id = any(${textArray(unitIds)}) and c.year = any(${intArray(years)})`,
    );
  }

  /** Every calendar whose entry or audit days are still ahead of (or on) `asOf`: the reminders' input. */
  async current(db: DbOrTx, asOf: string): Promise<CalendarRow[]> {
    return db
      .select()
      .from(provinceCalendars)
      .where(sql`${provinceCalendars.unitAuditDue} >= ${asOf}::date`);
  }
}
