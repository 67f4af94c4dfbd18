import { z } from 'zod';

const year = z.number().int().min(1990).max(2100);
const day = z.iso.date();

/** The province's calendar of a credit year as the provincial office sets it (ADR 0039). */
export const calendarSetSchema = z.object({
  entryCloses: day.describe('Last day a claim of the year may be entered or first submitted'),
  unitAuditDue: day.describe(
    'Last day units audit; claims already in review may be decided until then',
  ),
  cityAuditDue: day,
  provinceFiling: day,
  earlyAuditOpens: day.nullable().optional(),
  earlyAuditCloses: day.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type CalendarSet = z.infer<typeof calendarSetSchema>;

export const calendarParamsSchema = z.object({
  provinceId: z.uuid(),
  year: z.coerce.number().int().min(1990).max(2100),
});

export const calendarDayKeys = [
  'entryCloses',
  'unitAuditDue',
  'cityAuditDue',
  'provinceFiling',
  'earlyAuditOpens',
  'earlyAuditCloses',
] as const;
export const calendarDayKeySchema = z.enum(calendarDayKeys);
export type CalendarDayKey = z.infer<typeof calendarDayKeySchema>;

/** One day of the calendar with the days left from today (negative once passed). */
export const calendarDaySchema = z.object({
  key: calendarDayKeySchema,
  date: day,
  daysLeft: z.number().int(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const provinceCalendarSchema = z.object({
  provinceId: z.uuid(),
  provinceName: z.string(),
  year,
  entryCloses: day,
  unitAuditDue: day,
  cityAuditDue: day,
  provinceFiling: day,
  earlyAuditOpens: day.nullable(),
  earlyAuditCloses: day.nullable(),
  note: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type ProvinceCalendar = z.infer<typeof provinceCalendarSchema>;

/**
 * The dates that concern the signed-in user this year, soonest first, with days left:
 * what the home pages show. `calendar` is null when the province has set none.
 */
export const myDeadlinesSchema = z.object({
  today: day,
  year,
  calendar: provinceCalendarSchema.nullable(),
  days: z.array(calendarDaySchema),
});
export type MyDeadlines = z.infer<typeof myDeadlinesSchema>;

export const myDeadlinesQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
