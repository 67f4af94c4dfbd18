import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type {
  BulkEntryResult,
  Claim,
  ErrorResponse,
  EvidenceUploaded,
  StaffLookupResult,
} from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories, newResidentId } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { pdfBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/**
 * 单位批量录入 (`POST /api/v1/units/:id/credits:bulk`): one activity for many staff of a
 * unit, shared evidence, all or nothing; a unit outside the caller's subtree is a 404.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const hospital = tree.unit.id;
// Another unit of the province, outside the unit admin's subtree.
const otherUnit = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '外区人民医院' });
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const staff = new Map<string, string[]>();
for (const unit of [tree.unit, otherUnit]) {
  const people = [];
  for (let i = 0; i < 4; i += 1) people.push((await f.buildPerson({ unit })).id);
  staff.set(unit.id, people);
}

function staffOf(unitId: string, n: number): string[] {
  return (staff.get(unitId) ?? []).slice(0, n);
}

async function claimCount(): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int n from credit_claims`);
  return rows[0]?.n ?? 0;
}

const lecture = { type: 'unit_lecture', date: '2026-02-20', role: 'participant', times: 2 };
const bulkUrl = (unitId: string) => `/api/v1/units/${unitId}/credits:bulk`;

describe('unit bulk entry', () => {
  it('writes nothing when one person is not of the unit, naming the entry', async () => {
    const [a, b] = staffOf(hospital, 2);
    const [outsider] = staffOf(otherUnit.id, 1);
    const before = await claimCount();
    const res = await t.app.inject({
      method: 'POST',
      url: bulkUrl(hospital),
      headers: unitAdmin.headers,
      payload: { activity: lecture, personIds: [a, b, outsider] },
    });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<ErrorResponse>();
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([{ path: 'personIds.2', message: 'no such person in this unit' }]);
    expect(await claimCount()).toBe(before);
  });

  it('writes nothing when the activity cannot be valued', async () => {
    const people = staffOf(hospital, 2);
    const before = await claimCount();
    const res = await t.app.inject({
      method: 'POST',
      url: bulkUrl(hospital),
      headers: unitAdmin.headers,
      payload: { activity: { ...lecture, times: undefined }, personIds: people },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorResponse>().error.issues?.[0]?.path).toBe('activity.times');
    expect(await claimCount()).toBe(before);
  });

  it('answers 404 for a unit outside the caller’s subtree', async () => {
    const people = staffOf(otherUnit.id, 2);
    const before = await claimCount();
    const res = await t.app.inject({
      method: 'POST',
      url: bulkUrl(otherUnit.id),
      headers: unitAdmin.headers,
      payload: { activity: lecture, personIds: people },
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(await claimCount()).toBe(before);
  });

  it('records one claim per person with the shared evidence stored once', async () => {
    const file = multipartFile(pdfBytes('sign-in sheet of the lecture'), {
      fileName: '签到表.pdf',
      contentType: 'application/pdf',
    });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      headers: { ...unitAdmin.headers, ...file.headers },
      payload: file.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const { sha256 } = upload.json<EvidenceUploaded>();
    const people = staffOf(hospital, 3);
    const res = await t.app.inject({
      method: 'POST',
      url: bulkUrl(hospital),
      headers: unitAdmin.headers,
      payload: {
        activity: lecture,
        personIds: people,
        evidence: [{ sha256, fileName: '签到表.pdf' }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<BulkEntryResult>();
    expect(items.map((i) => i.personId)).toEqual(people);
    expect(items.every((i) => i.status === 'submitted' && !i.matched && i.credits > 0)).toBe(true);
    for (const item of items) {
      const claim = await t.app.inject({
        method: 'GET',
        url: `/api/v1/credits/${item.claimId}`,
        headers: unitAdmin.headers,
      });
      expect(claim.json<Claim>()).toMatchObject({
        channel: 'unit_bulk_entry',
        evidence: [{ sha256, fileName: '签到表.pdf', contentType: 'application/pdf' }],
      });
    }
    const stored = await queryRows<{ files: number; links: number }>(
      db,
      sql`select (select count(*)::int from evidence_files where sha256 = ${sha256}) files,
                 (select count(*)::int from claim_evidence where sha256 = ${sha256}) links`,
    );
    expect(stored[0]).toEqual({ files: 1, links: 3 });

    // One file for everyone of the same entry is the point of bulk entry: not flagged.
    const claimOf = async (id: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/credits/${id}`,
          headers: unitAdmin.headers,
        })
      ).json<Claim>();
    for (const item of items) {
      expect(await claimOf(item.claimId)).toMatchObject({
        flagged: false,
        evidence: [{ sha256, sharedWithOtherPerson: false }],
      });
    }
    // The same file behind a claim of someone outside the entry is reuse: flagged.
    const outsider = staffOf(hospital, 4).find((id) => !people.includes(id));
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/credits',
      headers: unitAdmin.headers,
      payload: {
        personId: outsider,
        activity: { ...lecture, date: '2026-02-21' },
        evidence: [{ sha256, fileName: '签到表.pdf' }],
        submit: true,
      },
    });
    expect(reused.statusCode, reused.body).toBe(201);
    expect(await claimOf(reused.json<Claim>().id)).toMatchObject({
      flagged: true,
      evidence: [{ sha256, sharedWithOtherPerson: true }],
    });
    expect(await claimOf(items[0]!.claimId)).toMatchObject({ flagged: true });
  });
});

describe('finding staff by a list of ID numbers', () => {
  it('answers each number in order: the unit’s person (masked), invalid, or not in the unit', async () => {
    const idNumber = newResidentId();
    await f.buildPerson({ unit: tree.unit, name: '批量查找', idNumber });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${hospital}/staff:lookup`,
      headers: unitAdmin.headers,
      payload: { idNumbers: [idNumber, '123', newResidentId()] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(idNumber);
    expect(res.json<StaffLookupResult>().items).toEqual([
      expect.objectContaining({ index: 0, name: '批量查找', problem: null }),
      expect.objectContaining({ index: 1, personId: null, problem: 'invalid' }),
      expect.objectContaining({ index: 2, personId: null, problem: 'not_in_unit' }),
    ]);
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${otherUnit.id}/staff:lookup`,
      headers: unitAdmin.headers,
      payload: { idNumbers: [idNumber] },
    });
    expect(outside.statusCode).toBe(404);
  });
});
