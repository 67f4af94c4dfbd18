import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type {
  PlatformKeyIssued,
  PlatformList,
  ProviderBatchResult,
  ProviderCreditResult,
} from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories, newResidentId } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { pngBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/** The open API of online platforms end to end: keys, pushes, idempotency, batches. */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const hospital = tree.unit.id;
const platformId = (
  await f.buildOrg({ parent: tree.province, kind: 'platform', name: '好医生在线教育平台' })
).id;
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdminUser = await f.buildUser({ role: 'unit_admin', org: tree.unit });

async function registerPerson(name: string): Promise<{ id: string; idNumber: string }> {
  const registered = await f.buildPerson({ unit: tree.unit, name });
  return { id: registered.id, idNumber: registered.idNumber };
}

async function issueKey(label: string): Promise<PlatformKeyIssued> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/platforms/${platformId}/keys`,
    headers: province.headers,
    payload: { label },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PlatformKeyIssued>();
}

const person = await registerPerson('赵推送');
const issued = await issueKey('生产环境');
const bearer = { authorization: `Bearer ${issued.secret}` };

let projectSerial = 900;
function pushBody(overrides: Record<string, unknown> = {}) {
  projectSerial += 1;
  return {
    idNumber: person.idNumber,
    name: '赵推送',
    completedAt: '2026-02-20T17:00:00+08:00',
    activity: { type: 'project', level: 'national', role: 'attendee', hours: 6 },
    projectNumber: `2026-01-01-${projectSerial}（国）`,
    ...overrides,
  };
}

function push(body: object, key: string | undefined, headers: Record<string, string> = bearer) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/provider/credits',
    headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body,
  });
}

async function claimCount(): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int n from credit_claims`);
  return rows[0]?.n ?? 0;
}

function issuePaths(res: { body: string }): string[] {
  const parsed = JSON.parse(res.body) as { error: { issues?: { path: string }[] } };
  return parsed.error.issues?.map((i) => i.path) ?? [];
}

describe('platform API keys (province admin)', () => {
  it('lists the province’s platforms with key prefixes, never secrets or hashes', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/platforms',
      headers: province.headers,
    });
    expect(res.statusCode).toBe(200);
    const platform = res.json<PlatformList>().items.find((p) => p.id === platformId);
    expect(platform).toMatchObject({ name: '好医生在线教育平台', trusted: false });
    expect(platform?.keys).toMatchObject([
      { label: '生产环境', prefix: issued.secret.slice(0, 8), revokedAt: null },
    ]);
    expect(res.body).not.toContain(issued.secret);
    expect(res.body).not.toContain(createHash('sha256').update(issued.secret).digest('hex'));
  });

  it('stores the secret as its SHA-256 and records the issue in the audit log', async () => {
    expect(issued.secret).toMatch(/^jjk_[A-Za-z0-9_-]{43}$/);
    const rows = await queryRows<{ key_hash: string }>(
      db,
      sql`select key_hash from platform_api_keys where id = ${issued.key.id}`,
    );
    expect(rows[0]?.key_hash).toBe(createHash('sha256').update(issued.secret).digest('hex'));
    const audit = await queryRows<{ action: string; details: { prefix: string } }>(
      db,
      sql`select action, details from audit_log where target_id = ${issued.key.id}`,
    );
    expect(audit).toMatchObject([
      { action: 'platform_key.issued', details: { prefix: issued.key.prefix } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(issued.secret);
  });

  it('is for province admins only; an unknown platform is 404', async () => {
    const unitAdmin = await t.signIn(unitAdminUser.username);
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/platforms/${platformId}/keys`,
      headers: unitAdmin.headers,
      payload: { label: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const notPlatform = await t.app.inject({
      method: 'POST',
      url: `/api/v1/platforms/${hospital}/keys`,
      headers: province.headers,
      payload: { label: 'x' },
    });
    expect(notPlatform.statusCode).toBe(404);
  });
});

describe('POST /api/v1/provider/credits', () => {
  it('answers 401 without a key, with a wrong key, or with a session cookie only', async () => {
    const body = pushBody();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer jjk_wrong-key-of-the-right-shape-0000000000000' },
      { authorization: `Basic ${issued.secret}` },
      { cookie: province.cookie, 'x-csrf-token': province.csrfToken },
    ];
    for (const headers of attempts) {
      const res = await push(body, 'k-401', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('unauthenticated');
    }
  });

  let first: ProviderCreditResult;
  const firstBody = pushBody();

  it('records an untrusted platform’s credit as submitted into the unit’s chain', async () => {
    const before = await claimCount();
    const res = await push(firstBody, 'course-1-learner-1');
    expect(res.statusCode, res.body).toBe(201);
    first = res.json<ProviderCreditResult>();
    expect(first).toMatchObject({ status: 'submitted', matched: false, year: 2026 });
    expect(first.credits).toBeGreaterThan(0);
    expect(first.packVersions.length).toBeGreaterThan(0);
    expect(first.idNumberMasked).toContain('*');
    expect(res.body).not.toContain(person.idNumber);
    expect(await claimCount()).toBe(before + 1);
    const [row] = await queryRows<{
      channel: string;
      status: string;
      current_reviewer_org_id: string | null;
      activity_date: string;
    }>(
      db,
      sql`select channel, status, current_reviewer_org_id, activity_date::text from credit_claims where id = ${first.id}`,
    );
    expect(row).toMatchObject({
      channel: 'platform_push',
      status: 'submitted',
      activity_date: '2026-02-20',
    });
    expect(row?.current_reviewer_org_id).not.toBeNull();
  });

  it('replays the same key with the same body: the same answer, nothing new', async () => {
    const claims = await claimCount();
    const provenances = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from credit_provenances`,
    );
    // The same JSON with keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(firstBody).reverse());
    const res = await push(reordered, 'course-1-learner-1');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(first);
    expect(await claimCount()).toBe(claims);
    const after = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from credit_provenances`,
    );
    expect(after[0]?.n).toBe(provenances[0]?.n);
  });

  it('answers 409 idempotency_conflict for the same key with another body', async () => {
    const claims = await claimCount();
    const res = await push({ ...firstBody, completedAt: '2026-02-21' }, 'course-1-learner-1');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('idempotency_conflict');
    expect(await claimCount()).toBe(claims);
  });

  it('stores one claim for concurrent requests with the same key, all answered alike', async () => {
    const claims = await claimCount();
    const body = pushBody();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => push(body, 'concurrent-key')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json<ProviderCreditResult>().id)).size).toBe(1);
    expect(await claimCount()).toBe(claims + 1);
    const records = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from idempotency_records where key = 'concurrent-key'`,
    );
    expect(records[0]?.n).toBe(1);
  });

  it('answers 422 naming the field: unknown person, bad ID, name mismatch, activity', async () => {
    const claims = await claimCount();
    const cases: [object, string][] = [
      [pushBody({ idNumber: newResidentId() }), 'idNumber'],
      [
        pushBody({
          idNumber: `${person.idNumber.slice(0, 17)}${person.idNumber.endsWith('0') ? '1' : '0'}`,
        }),
        'idNumber',
      ],
      [pushBody({ name: '钱推送' }), 'name'],
      [
        pushBody({ activity: { type: 'project', level: 'national', role: 'attendee' } }),
        'activity.hours',
      ],
      [pushBody({ activity: { type: 'nonsense' } }), 'activity.type'],
      [pushBody({ completedAt: 'yesterday' }), 'completedAt'],
    ];
    for (const [body, path] of cases) {
      const res = await push(body, `bad-${path}-${projectSerial}`);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
      expect(issuePaths(res), res.body).toContain(path);
      expect(res.body).not.toContain(person.idNumber);
    }
    const missingKey = await push(pushBody(), undefined);
    expect(missingKey.statusCode).toBe(422);
    expect(issuePaths(missingKey)).toContain('idempotency-key');
    expect(await claimCount()).toBe(claims);
  });

  it('matches a self-reported claim of the same project, role and dates: one claim, two provenances', async () => {
    const me = await f.buildPerson({ unit: tree.unit, name: '王晓明' });
    const { idNumber } = me;
    const learner = await t.signIn(me.user.username);
    const activity = {
      type: 'project',
      date: '2026-02-12',
      level: 'national',
      role: 'attendee',
      hours: 6,
      projectNumber: '2026-01-01-777（国）',
    };
    // A self-reported project is submitted with its certificate.
    const file = multipartFile(pngBytes, { fileName: 'cert.png', contentType: 'image/png' });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      headers: { ...learner.headers, ...file.headers },
      payload: file.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const { sha256 } = upload.json<{ sha256: string }>();
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/credits',
      headers: learner.headers,
      payload: {
        activity,
        evidence: [{ sha256, fileName: 'cert.png', kind: 'credit_certificate' }],
        submit: true,
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    const ownId = own.json<{ id: string }>().id;
    const { projectNumber: _n, ...rest } = activity;
    const res = await push(
      {
        idNumber,
        name: '王晓明',
        completedAt: '2026-02-12',
        activity: rest,
        projectNumber: activity.projectNumber,
      },
      'learner-self-reported-too',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ProviderCreditResult>()).toMatchObject({ id: ownId, matched: true });
    const provenances = await queryRows<{ channel: string }>(
      db,
      sql`select channel from credit_provenances where claim_id = ${ownId} order by received_at, id`,
    );
    expect(provenances.map((p) => p.channel).sort()).toEqual(['platform_push', 'self_report']);
  });

  it('makes a trusted platform’s credits effective on arrival', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/platforms/${platformId}/trusted`,
      headers: province.headers,
      payload: { trusted: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ trusted: boolean }>().trusted).toBe(true);
    const pushed = await push(pushBody(), 'trusted-1');
    expect(pushed.statusCode, pushed.body).toBe(201);
    expect(pushed.json<ProviderCreditResult>().status).toBe('effective');
    const audit = await queryRows<{ details: unknown }>(
      db,
      sql`select details from audit_log where action = 'platform.trust_changed' and target_id = ${platformId}`,
    );
    expect(audit).toEqual([{ details: { from: false, to: true } }]);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/platforms/${platformId}/trusted`,
      headers: province.headers,
      payload: { trusted: false },
    });
    const again = await push(pushBody(), 'untrusted-again');
    expect(again.json<ProviderCreditResult>().status).toBe('submitted');
  });
});

function pushBatch(items: object[]) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/provider/credits:batch',
    headers: bearer,
    payload: { items },
  });
}

describe('POST /api/v1/provider/credits:batch', () => {
  it('answers each item alone; a bad item does not stop the others', async () => {
    const claims = await claimCount();
    const fresh = pushBody();
    const res = await pushBatch([
      { idempotencyKey: 'batch-1', ...fresh },
      { idempotencyKey: 'course-1-learner-1', ...firstBodyOf() },
      { idempotencyKey: 'course-1-learner-1', ...pushBody() },
      { idempotencyKey: 'batch-4', ...pushBody({ name: '孙推送' }) },
      { ...pushBody() },
      {
        idempotencyKey: 'batch-6',
        ...pushBody({ activity: { type: 'paper', journal: 'core' }, projectNumber: undefined }),
      },
      { idempotencyKey: 'batch-7', ...pushBody() },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { results, counts } = res.json<ProviderBatchResult>();
    expect(results.map((r) => r.status)).toEqual([201, 201, 409, 422, 422, 422, 201]);
    expect(results[2]?.error?.code).toBe('idempotency_conflict');
    expect(results[3]?.error?.issues?.map((i) => i.path)).toEqual(['name']);
    expect(results[4]?.error?.issues?.map((i) => i.path)).toEqual(['idempotencyKey']);
    expect(results[5]?.error?.issues?.[0]?.path).toMatch(/^activity\./);
    expect(counts).toEqual({ created: 2, replayed: 1, failed: 4 });
    expect(await claimCount()).toBe(claims + 2);
    // An item of a batch and a single push share the key space.
    const single = await push(fresh, 'batch-1');
    expect(single.json()).toEqual(results[0]?.body);
  });

  it('answers a key repeated inside the batch as a replay, and submits each unit’s claims into its own chain', async () => {
    const county = await f.buildOrg({
      parent: tree.city,
      kind: 'district',
      name: '县卫生健康局',
    });
    const countyHospital = await f.buildOrg({
      parent: county,
      kind: 'unit',
      name: '县人民医院',
    });
    const linjiang = countyHospital.id;
    const other = await f.buildPerson({ unit: countyHospital, name: '钱批量' });
    const forOther = (serial: number) =>
      pushBody({
        idNumber: other.idNumber,
        name: '钱批量',
        projectNumber: `2026-01-02-${serial}（国）`,
      });
    const mine = pushBody();
    const theirs = forOther(1);
    const res = await pushBatch([
      { idempotencyKey: 'repeat-1', ...mine },
      { idempotencyKey: 'repeat-2', ...theirs },
      { idempotencyKey: 'repeat-1', ...mine },
      { idempotencyKey: 'repeat-2', ...forOther(2) },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { results, counts } = res.json<ProviderBatchResult>();
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 409]);
    expect(results[2]?.body).toEqual(results[0]?.body);
    expect(counts).toEqual({ created: 2, replayed: 1, failed: 1 });
    // Each claim walks the chain of its own unit, as a single push of it would.
    const single = await push(forOther(3), 'repeat-single');
    expect(single.statusCode, single.body).toBe(201);
    const ids = [
      results[0]?.body?.id,
      results[1]?.body?.id,
      single.json<ProviderCreditResult>().id,
    ];
    const chains = await queryRows<{
      id: string;
      unit_id: string;
      chain_steps: string[];
      current_reviewer_org_id: string | null;
    }>(
      db,
      sql`select id, unit_id, chain_steps, current_reviewer_org_id from credit_claims where id in (${sql.join(
        ids.map((id) => sql`${id ?? ''}::uuid`),
        sql`, `,
      )})`,
    );
    const byId = new Map(chains.map((c) => [c.id, c]));
    const [a, b, c] = ids.map((id) => byId.get(id ?? ''));
    expect(a?.unit_id).toBe(hospital);
    expect(b?.unit_id).toBe(linjiang);
    expect(b?.chain_steps).toEqual(c?.chain_steps);
    expect(b?.chain_steps).not.toEqual(a?.chain_steps);
    expect(b?.current_reviewer_org_id).toBe(b?.chain_steps[0]);
  });

  it('refuses more than 1 000 items', async () => {
    const res = await pushBatch(Array.from({ length: 1001 }, () => ({})));
    expect(res.statusCode).toBe(422);
  });
});

describe('a revoked key', () => {
  it('answers 401 from then on, and revoking twice is 409', async () => {
    const spare = await issueKey('测试');
    const headers = { authorization: `Bearer ${spare.secret}` };
    expect((await push(pushBody(), 'revoke-1', headers)).statusCode).toBe(201);
    const url = `/api/v1/platforms/${platformId}/keys/${spare.key.id}/revoke`;
    const revoked = await t.app.inject({ method: 'POST', url, headers: province.headers });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const res = await push(pushBody(), 'revoke-2', headers);
    expect(res.statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url, headers: province.headers });
    expect(again.statusCode).toBe(409);
    const audit = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where target_id = ${spare.key.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['platform_key.issued', 'platform_key.revoked']);
  });
});

describe('the OpenAPI document', () => {
  it('documents the open API with the bearer scheme and examples', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{
      components: { securitySchemes: Record<string, { scheme?: string }> };
      paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>;
    }>();
    expect(doc.components.securitySchemes.platformKey?.scheme).toBe('bearer');
    const op = doc.paths['/api/v1/provider/credits']?.post;
    expect(op?.security).toEqual([{ platformKey: [] }]);
    expect(JSON.stringify(op?.requestBody)).toContain('"example":{"idNumber"');
    expect(doc.paths['/api/v1/provider/credits:batch']?.post).toBeDefined();
  });
});

function firstBodyOf() {
  // The body of the first push (course-1-learner-1), rebuilt: its project number was the first.
  return { ...pushBody(), projectNumber: '2026-01-01-901（国）' };
}
