/**
 * List pages keep their filters in the URL (links, Back and reload keep them). These read
 * a search parameter defensively: anything unexpected counts as absent.
 */
export function enumParam<T extends string>(
  values: readonly T[],
  raw: string | null,
): T | undefined {
  return values.find((v) => v === raw);
}

/** Trimmed text of at most `max` characters, or undefined when blank. */
export function textParam(raw: string | null, max: number): string | undefined {
  const text = raw?.trim() ?? '';
  return text === '' ? undefined : text.slice(0, max);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidParam(raw: string | null): string | undefined {
  return raw !== null && uuidPattern.test(raw) ? raw.toLowerCase() : undefined;
}

export function intParam(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

/** `?a=1&b=x` from the defined, non-empty values (in the given order), or '' when none. */
export function toSearch(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
