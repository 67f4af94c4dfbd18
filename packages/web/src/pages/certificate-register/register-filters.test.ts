import { describe, expect, it } from 'vitest';
import { parseRegisterFilters, registerPath, registerQuery } from './register-filters';

const unit = '0f8e4c52-2a53-4a4e-9f5d-1b2c3d4e5f60';

describe('the register’s filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = { year: 2025, unitId: unit, status: 'revoked' as const, q: '张三' };
    const path = registerPath(filters);
    expect(path).toBe(`/certificates?year=2025&unit=${unit}&status=revoked&q=%E5%BC%A0%E4%B8%89`);
    expect(parseRegisterFilters(new URL(path, 'http://x').searchParams)).toEqual(filters);
  });

  it('drops what it does not know, and sends only what is set', () => {
    const filters = parseRegisterFilters(
      new URLSearchParams('year=1800&unit=nope&status=lost&q=%20%20'),
    );
    expect(filters).toEqual({
      year: undefined,
      unitId: undefined,
      status: undefined,
      q: undefined,
    });
    expect(registerPath(filters)).toBe('/certificates');
    expect(registerQuery({ year: 2024 })).toEqual({ year: 2024 });
  });
});
