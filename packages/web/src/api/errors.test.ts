import { errorResponseSchema } from '@jijiao/contracts';
import { describe, expect, it } from 'vitest';
import { readErrorResponse } from './errors';

const bodies: [string, unknown][] = [
  ['a bare error', { error: { code: 'not_found', message: 'x' } }],
  ['with details', { error: { code: 'conflict', message: 'x', details: { id: 3 } } }],
  [
    'with issues',
    { error: { code: 'validation_failed', message: 'x', issues: [{ path: 'a.b', message: 'm' }] } },
  ],
  ['every optional part', { error: { code: 'internal', message: '', details: {}, issues: [] } }],
  ['an unknown code', { error: { code: 'not_a_code', message: 'x' } }],
  ['no message', { error: { code: 'not_found' } }],
  ['a number as message', { error: { code: 'not_found', message: 3 } }],
  ['details as an array', { error: { code: 'not_found', message: 'x', details: [1] } }],
  ['details as null', { error: { code: 'not_found', message: 'x', details: null } }],
  ['issues not an array', { error: { code: 'not_found', message: 'x', issues: {} } }],
  [
    'an issue without path',
    { error: { code: 'not_found', message: 'x', issues: [{ message: 'm' }] } },
  ],
  ['error as a string', { error: 'not_found' }],
  ['an array', [{ error: { code: 'not_found', message: 'x' } }]],
  ['null', null],
  ['text', '<html>Bad gateway</html>'],
];

describe('readErrorResponse', () => {
  it.each(bodies)('agrees with the contract schema: %s', (_, body) => {
    const parsed = errorResponseSchema.safeParse(body);
    expect(readErrorResponse(body)).toEqual(parsed.success ? parsed.data.error : null);
  });
});
