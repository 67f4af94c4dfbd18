const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-05 14:07` in the browser's time zone; '—' for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** `2026-03-05 – 2026-03-07`, or one date when both are the same day. */
export function formatDateRange(start: string, end: string): string {
  return start === end ? start : `${start} – ${end}`;
}

/** Today as YYYY-MM-DD in the browser's time zone (dates of birth, project dates). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
