import { describe, expect, it } from 'vitest';
import type { CertificateRegister, CertificateRegisterItem } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// A province of two cities: three holders of 2025 in city A's hospital (one revoked), two in
// city B's, and one of 2024 in city A. Another province's admin sees none of it.
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const cityB = await f.buildOrg({
  parent: tree.province,
  kind: 'city',
  name: '西江市卫生健康委员会',
});
const unitB = await f.buildOrg({ parent: cityB, kind: 'unit', name: '西江市人民医院' });

const holder = async (unit: typeof unitB, name: string, year = 2025) =>
  f.buildCertificate({ person: await f.buildPerson({ unit, name }), year });
const a1 = await holder(tree.unit, '欧阳春晓');
const a2 = await holder(tree.unit, '欧阳秋实');
const a3 = await holder(tree.unit, '司马青');
const b1 = await holder(unitB, '上官云');
const b2 = await holder(unitB, '上官雨');
const a2024 = await holder(tree.unit, '诸葛明', 2024);

const sessionOf = async (role: 'unit_admin' | 'province_admin' | 'reviewer', org: typeof unitB) =>
  t.signIn((await f.buildUser({ role, org })).username);
const province = await sessionOf('province_admin', tree.province);
const unitAdminA = await sessionOf('unit_admin', tree.unit);
const unitAdminB = await sessionOf('unit_admin', unitB);
const cityReviewerA = await sessionOf('reviewer', tree.city);
const otherProvince = await sessionOf('province_admin', (await f.buildOrgTree()).province);

const get = (url: string, who?: Session) =>
  t.app.inject({ method: 'GET', url, ...(who ? { headers: who.headers } : {}) });

async function register(who: Session, query = ''): Promise<CertificateRegister> {
  const response = await get(`/api/v1/certificates?${query}`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CertificateRegister>();
}
const serials = (list: { items: CertificateRegisterItem[] }) =>
  list.items.map((c) => c.serial).sort();
const sorted = (...certificates: { serial: string }[]) => certificates.map((c) => c.serial).sort();

const revoke = await t.app.inject({
  method: 'POST',
  url: `/api/v1/certificates/${a3.serial}/revoke`,
  headers: province.headers,
  payload: { reason: '伪造学分证明' },
});
expect(revoke.statusCode, revoke.body).toBe(200);

describe('the certificate register', () => {
  it('lists the province’s certificates with the total, why revoked, by year', async () => {
    const all = await register(province);
    expect(all.total).toBe(6);
    expect(serials(all)).toEqual(sorted(a1, a2, a3, b1, b2, a2024));
    const of2025 = await register(province, 'year=2025');
    expect(of2025.total).toBe(5);
    const revoked = of2025.items.find((c) => c.serial === a3.serial);
    expect(revoked).toMatchObject({ revoked: true, revokedReason: '伪造学分证明' });
    expect(of2025.items.find((c) => c.serial === a1.serial)).toMatchObject({
      revoked: false,
      revokedReason: null,
      verificationCount: 0,
      lastVerifiedAt: null,
    });
  });

  it('filters by an organisation’s subtree, by status, by name and by serial', async () => {
    expect(serials(await register(province, `unitId=${cityB.id}`))).toEqual(sorted(b1, b2));
    expect(serials(await register(province, `unitId=${tree.city.id}&year=2025`))).toEqual(
      sorted(a1, a2, a3),
    );
    expect(serials(await register(province, 'status=revoked'))).toEqual([a3.serial]);
    expect((await register(province, 'status=valid&year=2025')).total).toBe(4);
    const byName = await register(province, `q=${encodeURIComponent('欧阳')}`);
    expect(serials(byName)).toEqual(sorted(a1, a2));
    // A serial as a person types it: lower case, spaces for hyphens.
    const typed = encodeURIComponent(b2.serial.toLowerCase().replace(/-/g, ' '));
    expect(serials(await register(province, `q=${typed}`))).toEqual([b2.serial]);
    const start = b1.serial.slice(0, 13);
    const byStart = await register(province, `q=${start}`);
    expect(byStart.items.every((c) => c.serial.startsWith(start))).toBe(true);
    expect(byStart.items.map((c) => c.serial)).toContain(b1.serial);
  });

  it('pages by serial, the total on the first page only', async () => {
    const first = await register(province, 'limit=4');
    expect(first.items).toHaveLength(4);
    expect(first.total).toBe(6);
    expect(first.nextCursor).not.toBeNull();
    const second = await register(
      province,
      `limit=4&after=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(second.items).toHaveLength(2);
    expect(second.total).toBeNull();
    expect(second.nextCursor).toBeNull();
    expect([...serials(first), ...serials(second)].sort()).toEqual(
      sorted(a1, a2, a3, b1, b2, a2024),
    );
  });

  it('counts the public verifications of each certificate', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await get(`/api/v1/certificates/${b1.serial}/verify`)).statusCode).toBe(200);
    await get(`/api/v1/certificates/${b1.serial.toLowerCase()}/verify`);
    await get('/api/v1/certificates/990000-2025-00000-00000/verify'); // unknown: nobody's
    const row = (await register(province, `q=${b1.serial}`)).items[0];
    expect(row).toMatchObject({ serial: b1.serial, verificationCount: 4 });
    expect(row?.lastVerifiedAt).toBe(t.clock.now().toISOString());
    const untouched = (await register(province, `q=${b2.serial}`)).items[0];
    expect(untouched?.verificationCount).toBe(0);
  });

  it('exports what the list shows: the same filters, with status, reason and verifications', async () => {
    const response = await get('/api/v1/certificates/export.xlsx?status=revoked', province);
    expect(response.statusCode, response.body).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['证书编号', '状态', '撤销原因', '核验次数']));
    expect(sheet.actualRowCount).toBe(2);
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).text;
    expect([cell('证书编号'), cell('状态'), cell('撤销原因')]).toEqual([
      a3.serial,
      '已撤销',
      '伪造学分证明',
    ]);
  });
});

describe('who sees which certificates', () => {
  it('keeps each unit’s officer to their own unit: city B’s hospital never sees city A’s', async () => {
    expect(serials(await register(unitAdminB))).toEqual(sorted(b1, b2));
    expect(serials(await register(unitAdminA, 'year=2025'))).toEqual(sorted(a1, a2, a3));
    const otherCity = await get(`/api/v1/certificates?unitId=${tree.city.id}`, unitAdminB);
    expect(otherCity.statusCode).toBe(404);
    const otherExport = await get(
      `/api/v1/certificates/export.xlsx?unitId=${tree.unit.id}`,
      unitAdminB,
    );
    expect(otherExport.statusCode).toBe(404);
    // A search for a serial of city A finds nothing from city B.
    expect((await register(unitAdminB, `q=${a1.serial}`)).items).toEqual([]);
  });

  it('refuses the city’s reviewers (no certificate:read) and revoking without certificate:manage', async () => {
    expect((await get('/api/v1/certificates', cityReviewerA)).statusCode).toBe(403);
    expect((await get('/api/v1/certificates')).statusCode).toBe(401);
    const byUnit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${a1.serial}/revoke`,
      headers: unitAdminA.headers,
      payload: { reason: '伪造学分证明' },
    });
    expect(byUnit.statusCode).toBe(403);
  });

  it('shows another province’s admin nothing of this province', async () => {
    const list = await register(otherProvince);
    expect(list.items.map((c) => c.serial)).not.toContain(a1.serial);
    expect((await get(`/api/v1/certificates?unitId=${cityB.id}`, otherProvince)).statusCode).toBe(
      404,
    );
    const revokeOther = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${b1.serial}/revoke`,
      headers: otherProvince.headers,
      payload: { reason: '伪造学分证明' },
    });
    expect(revokeOther.statusCode).toBe(404);
  });
});
