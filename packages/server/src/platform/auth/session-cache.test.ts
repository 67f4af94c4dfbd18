import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';

describe('SessionCache', () => {
  it('keeps a session for its time to live, then forgets it', () => {
    const cache = new SessionCache<string>(3000);
    cache.set('s1', 'u1', 'actor', 1000);
    expect(cache.get('s1', 3999)).toBe('actor');
    expect(cache.get('s1', 4000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops expired sessions nobody reads again when the next one is added', () => {
    const cache = new SessionCache<string>(3000);
    for (let i = 0; i < 100; i++) cache.set(`old-${String(i)}`, 'u1', 'stale', i);
    cache.set('recent', 'u2', 'fresh', 2000);
    expect(cache.size).toBe(101);
    // At 3050 the first 51 (set at 0–50) have expired, the other 49 not yet.
    cache.set('new', 'u3', 'actor', 3050);
    expect(cache.size).toBe(51);
    cache.set('newer', 'u4', 'actor', 3100);
    expect(cache.size).toBe(3);
    expect(cache.get('recent', 3100)).toBe('fresh');
    expect(cache.get('new', 3100)).toBe('actor');
  });

  it('forgets one session, or every session of a user, at once', () => {
    const cache = new SessionCache<string>(3000);
    cache.set('a', 'u1', 'one', 0);
    cache.set('b', 'u1', 'two', 0);
    cache.set('c', 'u2', 'three', 0);
    cache.forgetSession('a');
    expect(cache.get('a', 1)).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBe('three');
  });

  it('keeps nothing when turned off, and drops the oldest entry when full', () => {
    const off = new SessionCache<string>(0);
    off.set('a', 'u', 'x', 0);
    expect(off.get('a', 0)).toBeUndefined();
    const small = new SessionCache<string>(1000, 2);
    small.set('a', 'u', '1', 0);
    small.set('b', 'u', '2', 0);
    small.set('c', 'u', '3', 0);
    expect(small.get('a', 1)).toBeUndefined();
    expect(small.get('c', 1)).toBe('3');
    expect(small.size).toBe(2);
  });
});
