import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const token = 'scrape-token-0123456789abcdef';
const t = await buildTestApp({ JIJIAO_METRICS_TOKEN: token });
const f = createFactories(t);
const plain = await buildTestApp();

const scrape = (app: typeof t.app, authorization?: string) =>
  app.inject({
    method: 'GET',
    url: '/metrics',
    headers: authorization === undefined ? {} : { authorization },
  });

/** The value of one series in the exposition text, or undefined when it is absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics (ADR 0040)', () => {
  it('answers 404 when no token is configured, whatever the request carries', async () => {
    for (const authorization of [undefined, `Bearer ${token}`]) {
      const response = await scrape(plain.app, authorization);
      expect(response.statusCode).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
  });

  it('answers 404, as if absent, without the bearer token or with a wrong one', async () => {
    for (const authorization of [
      undefined,
      token,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token}x`,
      `Basic ${token}`,
    ]) {
      const response = await scrape(t.app, authorization);
      expect(response.statusCode, authorization).toBe(404);
      expect(response.body).not.toContain('jijiao_');
    }
  });

  it('serves the metrics to the right token, with values that follow what happened', async () => {
    await t.app.inject({ method: 'GET', url: '/api/health' });
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'nobody-of-the-metrics-test', password: 'Wrong@Pass2026' },
    });
    expect(failed.statusCode).toBe(401);
    const before = (await scrape(t.app, `Bearer ${token}`)).body;
    await f.buildClaim();

    const response = await scrape(t.app, `Bearer ${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(
      valueOf(
        text,
        'jijiao_http_request_duration_seconds_count{method="GET",route="/api/health",status_class="2xx"}',
      ),
    ).toBe(1);
    expect(
      valueOf(
        text,
        'jijiao_http_request_duration_seconds_count{method="POST",route="/api/v1/session",status_class="4xx"}',
      ),
    ).toBe(1);
    expect(valueOf(text, 'jijiao_sign_in_failures_total{step="password"}')).toBe(1);
    expect(
      valueOf(text, `jijiao_db_pool_connections{engine="${t.database.kind}",state="total"}`),
    ).toBeGreaterThanOrEqual(1);
    for (const status of ['queued', 'running'])
      expect(valueOf(text, `jijiao_jobs{status="${status}"}`)).toBe(0);
    for (const outbox of ['jijiao_hr_push_outbox', 'jijiao_notification_outbox'])
      for (const status of ['waiting', 'leased'])
        expect(valueOf(text, `${outbox}{status="${status}"}`)).toEqual(expect.any(Number));
    // A claim recorded marks its person's standing stale: the queue grew by it.
    const queued = (body: string) =>
      valueOf(body, 'jijiao_standings_queue_length{queue="standings"}') ?? Number.NaN;
    expect(queued(text)).toBeGreaterThan(queued(before));
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('docs/grafana-dashboard.json asks only for metrics this server serves', async () => {
    const dashboard = readFileSync(
      new URL('../../../../../docs/grafana-dashboard.json', import.meta.url),
      'utf8',
    );
    const panels = (JSON.parse(dashboard) as { panels: { targets: { expr: string }[] }[] }).panels;
    const asked = new Set(
      panels.flatMap((p) =>
        p.targets.flatMap((target) => target.expr.match(/\b(jijiao|process)_[a-z_]+/g) ?? []),
      ),
    );
    expect(asked.size).toBeGreaterThan(5);
    const text = (await scrape(t.app, `Bearer ${token}`)).body;
    const served = new Set(
      [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name = '', type]) =>
        type === 'histogram'
          ? [`${name}_bucket`, `${name}_count`, `${name}_sum`]
          : type === 'counter'
            ? [name, `${name}_total`]
            : [name],
      ),
    );
    expect([...asked].filter((name) => !served.has(name))).toEqual([]);
  });
});
