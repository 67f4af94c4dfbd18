import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each<[string | null, string]>([
    [null, '/'],
    ['/orgs?parentId=1', '/orgs?parentId=1'],
    ['/account/password', '/account/password'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?next=/orgs', '/'],
  ])('%j → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('loginPathFor', () => {
  it('keeps the intended path and query', () => {
    expect(loginPathFor('/orgs', '?parentId=a')).toBe('/login?next=%2Forgs%3FparentId%3Da');
    expect(safeNextPath(new URLSearchParams('next=%2Forgs%3FparentId%3Da').get('next'))).toBe(
      '/orgs?parentId=a',
    );
  });

  it('leaves the home page implicit', () => {
    expect(loginPathFor('/', '')).toBe('/login');
  });
});
