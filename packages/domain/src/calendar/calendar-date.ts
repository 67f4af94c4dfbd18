const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether year-month-day is a day of the proleptic Gregorian calendar (no Date object). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (monthDays[month - 1] ?? 0);
  return day <= days;
}

/** Whether `YYYY-MM-DD` names a real calendar day; any other shape is not one. */
export function isCalendarDateText(text: string): boolean {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const digits = (from: number, to: number) =>
    /^\d+$/.test(text.slice(from, to)) ? Number(text.slice(from, to)) : Number.NaN;
  return isCalendarDay(digits(0, 4), digits(5, 7), digits(8, 10));
}
