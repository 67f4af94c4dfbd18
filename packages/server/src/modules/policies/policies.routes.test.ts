import { describe, expect, it } from 'vitest';
import type { PolicyPackList } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);

describe('GET /api/v1/policy-packs', () => {
  it('lists the packs in force with places, years, parameters and sources', async () => {
    const learner = await t.signIn((await f.buildPerson()).user.username);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/policy-packs',
      headers: learner.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json<PolicyPackList>();
    expect(items.map((p) => [p.id, p.level, p.code])).toEqual([
      ['national-2006', 'national', null],
      ['national-2024', 'national', null],
      ['sichuan', 'province', '510000'],
      ['hunan', 'province', '430000'],
      ['guangzhou', 'city', '440100'],
      ['chengdu-jinjiang', 'district', '510104'],
    ]);
    const unified = items.find((p) => p.id === 'national-2024');
    expect(unified?.years).toEqual({ from: 2025 });
    expect(unified?.rules).toMatchObject({
      requirements: { annualTotal: { credits: 25 } },
    });
    // Every source a parameter names is among the pack's sources or a pack beneath it.
    const known = new Set(items.flatMap((p) => p.sources.map((s) => s.id)));
    const named = JSON.stringify(items.map((p) => p.rules)).match(/"source":"[^"]+"/g) ?? [];
    expect(named.length).toBeGreaterThan(10);
    for (const entry of named) expect(known.has(entry.slice(10, -1)), entry).toBe(true);
  });
});
