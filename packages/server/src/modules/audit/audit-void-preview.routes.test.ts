import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { HrPushDeliveryList, VoidPreview, VoidYearResult } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';

// 作弊处理: a holder of a 2025 certificate with three national projects (10 credits each,
// 25 needed), and a colleague in another city. No HR receiver is configured.
const t = await buildTestApp();
const { db } = t.database;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const otherCity = await f.buildOrg({ parent: tree.province, kind: 'city', name: '北岭市卫健委' });
const otherUnit = await f.buildOrg({ parent: otherCity, kind: 'unit', name: '北岭市医院' });
const holder = await f.buildPerson({ unit: tree.unit });
const colleague = await f.buildPerson({ unit: otherUnit });

async function credit(personId: string, date: string, projectNumber: string): Promise<string> {
  const recorded = await db.transaction((tx) =>
    f.services.intake.record(tx, {
      personId,
      channel: 'platform_push',
      activity: {
        type: 'project',
        level: 'national',
        role: 'attendee',
        hours: 30,
        date,
        projectNumber,
      },
      initialStatus: 'effective',
      actor: { userId: '00000000-0000-0000-0000-000000000000', username: 'test', ip: '' },
    }),
  );
  return recorded.claimId;
}
const claims = [
  await credit(holder.id, '2025-03-01', '2025-01-01-001（国）'),
  await credit(holder.id, '2025-05-01', '2025-01-01-002（国）'),
  await credit(holder.id, '2025-07-01', '2025-01-01-003（国）'),
];
const colleagueClaim = await credit(colleague.id, '2025-03-01', '2025-01-01-001（国）');
const certificate = await f.buildCertificate({ person: holder, year: 2025 });

const sessionOf = async (role: 'unit_admin' | 'province_admin' | 'reviewer', org = tree.province) =>
  t.signIn((await f.buildUser({ role, org })).username);
const province = await sessionOf('province_admin');
const unitAdmin = await sessionOf('unit_admin', tree.unit);
const cityReviewer = await sessionOf('reviewer', tree.city);
const otherProvince = await sessionOf('province_admin', (await f.buildOrgTree()).province);

const previewUrl = (personId: string, claimId?: string) =>
  `/api/v1/people/${personId}/years/2025/void-preview${claimId ? `?claimId=${claimId}` : ''}`;
const get = (url: string, who: Session) =>
  t.app.inject({ method: 'GET', url, headers: who.headers });
const outboxCount = async () =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int n from hr_push_outbox`))[0]?.n;

describe('the consequences of a void, before confirming', () => {
  it('names the one credit, the standing before and after, the certificate and the HR receiver', async () => {
    const queued = await outboxCount();
    const response = await get(previewUrl(holder.id, claims[1]), province);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json<VoidPreview>();
    expect(preview).toMatchObject({
      personId: holder.id,
      personName: holder.name,
      unitName: tree.unit.name,
      year: 2025,
      claims: [{ id: claims[1], activityType: 'project', credits: 10, status: 'effective' }],
      before: { compliant: true, totalCredits: 30 },
      after: { compliant: false, totalCredits: 20 },
      certificate: { serial: certificate.serial, revoked: false, revokedAt: null },
      hrReceiver: { configured: false, enabled: false },
      auditResult: false,
    });
    const total = preview.after.requirements.find((r) => r.code === 'annual_total');
    expect(total).toMatchObject({ met: false, earned: 20, shortfall: 5 });
    // Nothing changed: the credit counts, the certificate stands, nothing was queued.
    const [row] = await queryRows<{ status: string }>(
      db,
      sql`select status from credit_claims where id = ${claims[1]}`,
    );
    expect(row?.status).toBe('effective');
    expect(await outboxCount()).toBe(queued);
  });

  it('takes every open credit of the year when the whole year is voided', async () => {
    const preview = (await get(previewUrl(holder.id), province)).json<VoidPreview>();
    expect(preview.claims.map((c) => c.id).sort()).toEqual([...claims].sort());
    expect(preview.after).toMatchObject({ compliant: false, totalCredits: 0 });
  });

  it('answers 404 for a credit of someone else, and outside the caller’s subtree', async () => {
    expect((await get(previewUrl(holder.id, colleagueClaim), province)).statusCode).toBe(404);
    expect((await get(previewUrl(holder.id, crypto.randomUUID()), province)).statusCode).toBe(404);
    expect((await get(previewUrl(holder.id), otherProvince)).statusCode).toBe(404);
    expect((await get(previewUrl(holder.id), unitAdmin)).statusCode).toBe(403);
    expect((await get(previewUrl(holder.id), cityReviewer)).statusCode).toBe(403);
  });
});

describe('after the void', () => {
  it('revoked the certificate, queued the HR delivery the log shows, and the credit is closed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credits/${claims[1]}/void`,
      headers: province.headers,
      payload: { reason: '代签到' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<VoidYearResult>();
    expect(result).toMatchObject({
      voidedClaims: 1,
      certificateRevoked: true,
      certificateSerial: certificate.serial,
    });

    const again = await get(previewUrl(holder.id, claims[1]), province);
    expect(again.statusCode).toBe(409);
    const year = (await get(previewUrl(holder.id), province)).json<VoidPreview>();
    expect(year.certificate).toMatchObject({ serial: certificate.serial, revoked: true });
    expect(year.before).toMatchObject({ compliant: false, totalCredits: 20 });

    const log = await get(
      `/api/v1/provinces/${tree.province.id}/hr-push/deliveries?status=pending`,
      province,
    );
    expect(log.statusCode, log.body).toBe(200);
    const list = log.json<HrPushDeliveryList>();
    expect(list.total).toBe(1);
    expect(list.items).toEqual([
      expect.objectContaining({
        id: result.hrDeliveryId,
        kind: 'credits_voided',
        status: 'pending',
        attempts: 0,
        problem: null,
        subject: {
          personId: holder.id,
          year: 2025,
          serial: certificate.serial,
          reason: '代签到',
          voidedClaims: 1,
          certificates: null,
        },
      }),
    ]);
  });
});
