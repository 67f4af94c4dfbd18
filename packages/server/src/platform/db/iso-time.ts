/** A timestamp as read from the database (a Date, or text from raw SQL) in ISO 8601, or null. */
export function isoOf(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
