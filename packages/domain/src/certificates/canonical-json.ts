/**
 * Canonical JSON (RFC 8785, JCS) for the values certificates carry: strings, finite
 * numbers, booleans, null, arrays and plain objects. Object keys are sorted by UTF-16 code
 * units and no whitespace is written, so the same data always gives the same bytes to sign.
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    // ECMAScript number serialisation is what JCS prescribes; -0 is written as 0.
    return JSON.stringify(value === 0 ? 0 : value);
  }
  if (Array.isArray(value)) {
    return `[${(value as readonly JsonValue[]).map(canonicalJson).join(',')}]`;
  }
  const object = value as { readonly [key: string]: JsonValue | undefined };
  const members = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as JsonValue)}`);
  return `{${members.join(',')}}`;
}
