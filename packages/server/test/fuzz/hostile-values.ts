import fc from 'fast-check';

/**
 * JSON text sent as it is: numbers JSON can carry but JavaScript cannot keep (`1e400`
 * parses to Infinity, `1e-400` to 0), which `JSON.stringify` would never write.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** 1 MiB of text: over the default body limit once wrapped in JSON. */
export const oneMebibyte = 'a'.repeat(1024 * 1024);
/** Just under 1 MB: fits in a body, far over any column. */
export const almostOneMegabyte = '字'.repeat(333_000);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}
export const deepObject = nested(1000, (inner) => ({ a: inner }));
export const deepArray = nested(1000, (inner) => [inner]);

/** Text that has broken servers: NUL, halves of surrogate pairs, control and bidi marks, … */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udc00\ud800',
  '😀',
  '\u202e\u200b\ufeff',
  '\r\n\t',
  '-1',
  '0',
  '1e400',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "'; DROP TABLE people; --",
  '%00',
  '../../etc/passwd',
  '=HYPERLINK("http://x")',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '-000001-01-01',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '12345678-1234-1234-1234-1234567890ab',
  'x'.repeat(10_000),
  almostOneMegabyte,
  oneMebibyte,
];

/** Numbers at and past every edge a column or a loop might have. */
export const hostileNumbers: readonly (number | RawJson)[] = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  0.1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 63,
  1e15,
  1e308,
  -1e308,
  5e-324,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('1e-400'),
  new RawJson('123456789012345678901234567890'),
];

/** Any value of any type, deep nesting and megabytes included. */
export const wrongTypeArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -1,
  1e308,
  'x',
  '\u0000',
  '\ud800',
  [],
  [null],
  {},
  { __proto__: 'x' },
  deepObject,
  deepArray,
  almostOneMegabyte,
);

export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

export const hostileNumberArb: fc.Arbitrary<number | RawJson> = fc.constantFrom(...hostileNumbers);

/** JSON text of a value, `RawJson` written verbatim (recursion depth ≤ ~1000: fine). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  // undefined for what JSON cannot hold (a function, a symbol)
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}

/** Text as it goes on the wire in a query or path: a lone surrogate as its WTF-8 bytes. */
export function encodeUriText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(text[i] ?? '');
  }
  return out;
}

/** A short, printable account of a value for a failure message. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : toJsonText(value);
  const printable = JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);
  return text.length > 160 ? `${printable} (${String(text.length)} chars)` : printable;
}
