import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('defaults to demo mode on the embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config.demo.enabled).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(
      config.database.kind === 'pglite' && config.database.dataDir.endsWith('/data/pglite'),
    ).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and JIJIAO_DATA_DIR for files', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@localhost:5432/jijiao',
      JIJIAO_DATA_DIR: '/srv/jijiao',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@localhost:5432/jijiao',
    });
    expect(config.dataDir).toBe('/srv/jijiao');
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'abc', JIJIAO_ID_ENCRYPTION_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('JIJIAO_ID_ENCRYPTION_KEY');
  });

  it('never runs demo mode in production, and needs real keys there', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JIJIAO_DEMO: 'true',
        JIJIAO_ID_ENCRYPTION_KEY: key,
        JIJIAO_ID_LOOKUP_KEY: key,
      }),
    ).toThrow(/demo mode cannot run/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JIJIAO_ID_ENCRYPTION_KEY/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JIJIAO_ID_ENCRYPTION_KEY: key,
      JIJIAO_ID_LOOKUP_KEY: key,
    });
    expect(config.demo.enabled).toBe(false);
    expect(config.cookieSecure).toBe(true);
    expect(config.idKeys.isDemoKey).toBe(false);
    expect(config.apiDocs).toBe(false);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JIJIAO_ID_ENCRYPTION_KEY: key,
        JIJIAO_ID_LOOKUP_KEY: key,
        JIJIAO_API_DOCS: 'true',
      }).apiDocs,
    ).toBe(true);
    expect(loadConfig({}).apiDocs).toBe(true);
  });

  it('honours --no-demo', () => {
    expect(() => loadConfig({}, { demo: false })).toThrow(/required outside demo mode/);
    expect(
      loadConfig({ JIJIAO_ID_ENCRYPTION_KEY: key, JIJIAO_ID_LOOKUP_KEY: key }, { demo: false }).demo
        .enabled,
    ).toBe(false);
  });

  it('requires two factors of province and system administrators, except in demo mode', () => {
    const production = {
      NODE_ENV: 'production',
      JIJIAO_ID_ENCRYPTION_KEY: key,
      JIJIAO_ID_LOOKUP_KEY: key,
    };
    expect([...loadConfig(production).twoFactor.requiredRoles]).toEqual([
      'province_admin',
      'system_admin',
    ]);
    expect(loadConfig({}).twoFactor.requiredRoles.size).toBe(0);
    expect([
      ...loadConfig({ JIJIAO_MFA_REQUIRED_ROLES: 'unit_admin, reviewer' }).twoFactor.requiredRoles,
    ]).toEqual(['unit_admin', 'reviewer']);
    expect(
      loadConfig({ ...production, JIJIAO_MFA_REQUIRED_ROLES: 'none' }).twoFactor.requiredRoles.size,
    ).toBe(0);
    expect(() => loadConfig({ JIJIAO_MFA_REQUIRED_ROLES: 'province_admin,boss' })).toThrow(
      /JIJIAO_MFA_REQUIRED_ROLES: unknown role boss/,
    );
  });

  it('reads the shutdown bounds and the metrics token (ADR 0040)', () => {
    const defaults = loadConfig({});
    expect(defaults.shutdown).toEqual({ delayMs: 0, timeoutMs: 20_000 });
    expect(defaults.metricsToken).toBeNull();
    const set = loadConfig({
      JIJIAO_SHUTDOWN_SECONDS: '5',
      JIJIAO_SHUTDOWN_DELAY_SECONDS: '30',
      JIJIAO_METRICS_TOKEN: 'a-token-of-16-chars',
    });
    // The delay is part of the bound, never longer than it.
    expect(set.shutdown).toEqual({ delayMs: 5_000, timeoutMs: 5_000 });
    expect(set.metricsToken).toBe('a-token-of-16-chars');
    expect(() => loadConfig({ JIJIAO_METRICS_TOKEN: 'too-short' })).toThrow(/JIJIAO_METRICS_TOKEN/);
  });

  it('reads a replica only beside DATABASE_URL, with a lag bound of 10 s unless set', () => {
    const primary = 'postgres://jijiao@db1/jijiao';
    const replica = 'postgres://jijiao@db2/jijiao';
    const set = loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica });
    expect(set.database).toEqual({ kind: 'postgres', url: primary, replicaUrl: replica });
    expect(set.replicaMaxLagSeconds).toBe(10);
    expect(
      loadConfig({ DATABASE_URL: primary, JIJIAO_REPLICA_MAX_LAG_SECONDS: '2.5' })
        .replicaMaxLagSeconds,
    ).toBe(2.5);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replica })).toThrow(
      /DATABASE_REPLICA_URL: a standby of DATABASE_URL/,
    );
  });
});
