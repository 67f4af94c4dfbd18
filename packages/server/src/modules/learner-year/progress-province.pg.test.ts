import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ComplianceStatistics, UnitProgress } from '@jijiao/contracts';
import { queryRows } from '../../platform/db/database';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

/**
 * 人员学分进度 and 统计报表 of a whole province larger than the old 10 000-person limit
 * (ADR 0009 refused it with 422): 12 000 generated people, read from the stored standings
 * (ADR 0018) with filters, sorts, keyset pages, statistics and the xlsx export.
 */
const generated = 12_000;
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const units = [tree.unit];
for (const parent of [tree.city, tree.district])
  units.push(await f.buildOrg({ parent, kind: 'unit' }));
const otherCity = await f.buildOrg({ parent: tree.province, kind: 'city' });
units.push(await f.buildOrg({ parent: otherCity, kind: 'unit' }));
const unitIds = `{${units.map((u) => u.id).join(',')}}`;
await db.execute(sql`
  insert into people (name, id_number_cipher, id_number_hash, id_number_masked, sex,
                      birth_date, profession, title_grade, unit_id)
  select '生成' || lpad(i::text, 5, '0'), 'generated', 'generated-p-' || i, '9901**********0000', 'M',
         date '1980-01-01', (array['physician','nurse','pharmacist'])[1 + i % 3],
         (array['junior','intermediate','senior'])[1 + i % 3],
         (${unitIds}::uuid[])[1 + i % ${units.length}]
  from generate_series(1, ${generated}) i`);
// 0–4 national-project claims of 10 credits in 2025 each: 25 are needed.
await db.execute(sql`
  insert into credit_claims (person_id, unit_id, channel, activity, activity_type,
                             activity_date, year, credits, pack_versions, status)
  select p.id, p.unit_id, 'platform_push',
         jsonb_build_object('type', 'project', 'level', 'national', 'role', 'attendee',
                            'hours', 30, 'date', '2025-0' || k || '-01',
                            'projectNumber', '2025-01-01-00' || k || '（国）'),
         'project', make_date(2025, k, 1), 2025, 10,
         '[{"id":"national-2024","version":"1.0.0"}]'::jsonb, 'effective'
  from people p cross join generate_series(1, 4) k
  where p.name like '生成%' and k <= (hashtext(p.name) & 7) % 5`);
const admin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const rebuilt = await f.services.standings.rebuild({
  year: 2025,
  provincePath: tree.province.path,
});

const [expected] = await queryRows<{ compliant: number; shortTen: number }>(
  db,
  sql`select
        (select count(*)::int from (select person_id from credit_claims c
           join people p on p.id = c.person_id where p.name like '生成%' and c.year = 2025
           group by person_id having sum(credits) >= 25) x) compliant,
        (select count(*)::int from people p where p.name like '生成%' and coalesce((
           select sum(credits) from credit_claims c where c.person_id = p.id and c.year = 2025), 0) <= 15) "shortTen"`,
);

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const base = `/api/v1/units/${tree.province.id}`;

describe('a province larger than the old limit', () => {
  it('has a stored standing of 2025 for everyone with a claim', () => {
    expect(rebuilt.done).toBeGreaterThan(generated / 2);
  });

  it('lists the whole province, behind first, in keyset pages that neither skip nor repeat', async () => {
    const seen = new Set<string>();
    let page = await get<UnitProgress>(`${base}/progress?year=2025&limit=500`);
    expect(page.staleCount).toBe(0);
    expect(page.asOf).toBeNull();
    // Everyone with a 2025 standing: the generated people with a claim of 2025.
    expect(page.staffCount).toBe(rebuilt.done);
    expect((page.staffCount ?? 0) - (page.behindCount ?? 0)).toBe(expected!.compliant);
    expect(page.total).toBe(page.staffCount);
    let previous: [number, number, string] | undefined;
    for (let n = 0; n < 5; n += 1) {
      for (const item of page.items) {
        expect(seen.has(item.personId)).toBe(false);
        seen.add(item.personId);
        const key: [number, number, string] = [item.compliant ? 1 : 0, -item.shortfall, item.name];
        if (previous) expect(key >= previous || key.join() >= previous.join()).toBe(true);
        previous = key;
      }
      expect(page.nextCursor).not.toBeNull();
      if (n > 0) expect(page.total).toBeNull();
      page = await get<UnitProgress>(
        `${base}/progress?year=2025&limit=500&after=${page.nextCursor ?? ''}`,
      );
    }
    expect(seen.size).toBe(2500);
  });

  it('filters and sorts on the server, with a total', async () => {
    const behind = await get<UnitProgress>(`${base}/progress?year=2025&compliant=false&limit=10`);
    expect(behind.total).toBe(behind.behindCount);
    expect(behind.items.every((i) => !i.compliant)).toBe(true);
    const shortTen = await get<UnitProgress>(`${base}/progress?year=2025&shortfallMin=10&limit=10`);
    expect(shortTen.total).toBe(expected!.shortTen - (generated - rebuilt.done));
    const nurses = await get<UnitProgress>(
      `${base}/progress?year=2025&profession=nurse&titleGrade=intermediate&limit=50`,
    );
    expect(nurses.total).toBeGreaterThan(0);
    expect(
      nurses.items.every((i) => i.profession === 'nurse' && i.titleGrade === 'intermediate'),
    ).toBe(true);
    const byName = await get<UnitProgress>(`${base}/progress?year=2025&sort=name&limit=200`);
    const names = byName.items.map((i) => i.name);
    expect(names).toEqual([...names].sort());
    const next = await get<UnitProgress>(
      `${base}/progress?year=2025&sort=name&limit=200&after=${byName.nextCursor ?? ''}`,
    );
    expect((next.items[0]?.name ?? '') > (names.at(-1) ?? '')).toBe(true);
    const byCredits = await get<UnitProgress>(`${base}/progress?year=2025&sort=credits&limit=50`);
    expect(byCredits.items[0]?.totalCredits).toBe(40);
  });

  it('gives the statistics of the whole province in one answer', async () => {
    const stats = await get<ComplianceStatistics>(`${base}/statistics?year=2025`);
    expect(stats.overall.staff).toBe(rebuilt.done);
    expect(stats.overall.compliant).toBe(expected!.compliant);
    for (const list of [
      stats.byChild,
      stats.byProfession,
      stats.byTitleGrade,
      stats.byUnitLevel,
      stats.distribution,
    ])
      expect(list.reduce((n, g) => n + g.staff, 0)).toBe(rebuilt.done);
    // The province's children: its two cities (a unit hangs under each).
    expect(stats.byChild.map((c) => c.kind).sort()).toEqual(['city', 'city']);
    expect(stats.trend.thisYear).toHaveLength(12);
    // All generated credits arrived by platform push.
    const pushed = stats.byChannel.find((c) => c.channel === 'platform_push')?.credits ?? 0;
    expect(pushed).toBe(stats.byChannel.reduce((n, c) => n + c.credits, 0));
    expect(Math.round((pushed / rebuilt.done) * 10) / 10).toBe(stats.overall.averageCredits);
    expect(stats.trend.thisYear.at(-1)).toBe(stats.overall.averageCredits);
  });

  it('exports everyone behind as xlsx, streamed', async () => {
    const behind = await get<UnitProgress>(`${base}/progress?year=2025&compliant=false&limit=1`);
    const res = await t.app.inject({
      method: 'GET',
      url: `${base}/progress.xlsx?year=2025&compliant=false`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe((behind.total ?? 0) + 1);
  }, 60_000);
});
