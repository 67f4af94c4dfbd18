import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskResidentId, parseResidentId, residentIdCheckChar } from './resident-id';

describe('parseResidentId', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '1949-12-31', 'female'],
    [' 11010519491231002X ', '1949-12-31', 'female'],
    [
      '430102199003071234'.slice(0, 17) + residentIdCheckChar('43010219900307123'),
      '1990-03-07',
      'male',
    ],
  ])('accepts %s', (input, birthDate, sex) => {
    const result = parseResidentId(input);
    expect(result).toMatchObject({ ok: true, value: { birthDate, sex } });
  });

  it.each([
    ['11010519491231002', 'length'],
    ['1101051949123100211', 'length'],
    ['1101051949123100X2', 'format'],
    ['11010519491231002A', 'format'],
    ['110105194912310021', 'check_digit'],
    ['990105194912310028', 'region'],
    ['110105194902300020', 'birth_date'],
    ['110105189912310020', 'birth_date'],
  ])('rejects %s as %s', (input, problem) => {
    expect(parseResidentId(input)).toEqual({ ok: false, problem });
  });

  it('rejects a birth date after today', () => {
    const id = '11010520300101001' + residentIdCheckChar('11010520300101001');
    expect(parseResidentId(id, '2026-11-22')).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseResidentId(id).ok).toBe(true);
  });

  it('converts the 15-digit legacy form', () => {
    expect(parseResidentId('110105491231002')).toEqual({
      ok: true,
      value: {
        number: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
        convertedFromLegacy: true,
      },
    });
  });

  const validIds = fc
    .record({
      region: fc.constantFrom('110105', '430102', '440106', '510104', '650102'),
      birth: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2025-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, birth, sequence }) => {
      const first17 = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      return { id: first17 + residentIdCheckChar(first17), birth, sequence };
    });

  it('accepts every generated valid ID and derives birth date and sex', () => {
    fc.assert(
      fc.property(validIds, ({ id, birth, sequence }) => {
        const result = parseResidentId(id);
        expect(result).toMatchObject({
          ok: true,
          value: {
            birthDate: birth.toISOString().slice(0, 10),
            sex: sequence % 2 === 1 ? 'male' : 'female',
          },
        });
      }),
    );
  });

  it('rejects every single-digit change and every adjacent swap of a generated valid ID', () => {
    fc.assert(
      fc.property(
        validIds,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        ({ id }, pos, delta) => {
          const changed =
            id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
          expect(parseResidentId(changed).ok).toBe(false);
          const next = pos + 1;
          if (id[pos] !== id[next]) {
            const swapped =
              id.slice(0, pos) + (id[next] ?? '') + (id[pos] ?? '') + id.slice(next + 1);
            expect(parseResidentId(swapped).ok).toBe(false);
          }
        },
      ),
    );
  });

  it('detects every single-digit substitution', () => {
    const valid = '11010519491231002X';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digit = (Number(valid[pos]) + delta) % 10;
        const mutated = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
        expect(parseResidentId(mutated).ok).toBe(false);
      }),
    );
  });
});

describe('maskResidentId', () => {
  it('keeps four characters at each end', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });
});
