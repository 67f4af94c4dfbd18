import {
  myDeadlinesSchema,
  provinceCalendarSchema,
  type CalendarSet,
  type MyDeadlines,
  type ProvinceCalendar,
} from '@jijiao/contracts';
import { request } from './client';

export const myDeadlinesKey = (year?: number) => ['calendar', 'mine', year ?? 'current'] as const;

export function fetchMyDeadlines(year?: number): Promise<MyDeadlines> {
  return request('GET', '/api/v1/calendar/mine', myDeadlinesSchema, {
    query: year === undefined ? {} : { year },
  });
}

const calendarPath = (provinceId: string, year: number) =>
  `/api/v1/calendar/${encodeURIComponent(provinceId)}/${String(year)}`;

export function fetchProvinceCalendar(provinceId: string, year: number): Promise<ProvinceCalendar> {
  return request('GET', calendarPath(provinceId, year), provinceCalendarSchema);
}

export function saveProvinceCalendar(
  provinceId: string,
  year: number,
  body: CalendarSet,
): Promise<ProvinceCalendar> {
  return request('PUT', calendarPath(provinceId, year), provinceCalendarSchema, { body });
}
