import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type {
  AwardBatch,
  AwardBatchList,
  ClaimList,
  ErrorResponse,
  ImportReport,
} from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { multipartFile } from '../../../test/excel-routes';
import { newIdNumber, orgIdByName, personBody } from '../../../test/fixtures';
import { testConfig } from '../../../test/test-config';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { queryRows } from '../../platform/db/database';
import { buildServices } from '../../services';

/**
 * Host award batches end to end: by hand and by roster, submit to the province's CME
 * office, a line returned and resubmitted, approve all → effective in the person's claims;
 * scope, project status and the concurrent-approval race.
 */
const t = await buildTestApp();
const db = t.database.db;
const services = buildServices({
  config: testConfig(),
  database: t.database,
  clock: t.clock,
  hasher: argon2Hasher,
});
const host = await t.signIn('demo-host-admin');
const province = await t.signIn('demo-province-admin');
const unitAdmin = await t.signIn('demo-unit-admin');
const jiangnanHospital = await orgIdByName(db, '江南区人民医院');
const office = await orgIdByName(db, '演示省继续医学教育委员会办公室');

async function projectId(number: string): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from projects where number = ${number}`,
  );
  if (!rows[0]) throw new Error(`no project ${number}`);
  return rows[0].id;
}
const filed = await projectId('2026-02-01-015（省）'); // 演示省医学会, 12 h, 2 / 1 credits
const otherHosts = await projectId('2026-06-02-008（市）'); // 东湖市中心医院
const draftProject = await projectId('2027-01-03-002（省）');
const [learnerPerson] = await queryRows<{ id: string }>(
  db,
  sql`select p.id from people p join users u on u.id = p.user_id where u.username = 'demo-learner'`,
);
const learnerId = learnerPerson?.id ?? '';

function send(method: 'POST' | 'GET' | 'DELETE', url: string, who: Session, payload?: object) {
  t.clock.advanceMinutes(1);
  return t.app.inject({
    method,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

async function register(name: string): Promise<{ id: string; idNumber: string }> {
  const idNumber = newIdNumber();
  const res = await send(
    'POST',
    '/api/v1/people',
    province,
    personBody(jiangnanHospital, { name, idNumber }),
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  return { id: res.json<{ person: { id: string } }>().person.id, idNumber };
}

function uploadRoster(batchId: string, file: Buffer, query = '') {
  const body = multipartFile(file, { fileName: '名单.xlsx' });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/award-batches/${batchId}/roster${query}`,
    headers: { ...host.headers, ...body.headers },
    payload: body.payload,
  });
}

const rosterHeader = ['身份证号', '姓名', '角色', '学时', '学分'];
const code = (res: { body: string }) => (JSON.parse(res.body) as ErrorResponse).error.code;

async function newBatch(project = filed): Promise<AwardBatch> {
  const res = await send('POST', `/api/v1/projects/${project}/award-batches`, host);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AwardBatch>();
}

describe('an award batch by hand and by roster, reviewed by the province', () => {
  let batch: AwardBatch;
  let zhang: { id: string; idNumber: string };
  let li: { id: string; idNumber: string };
  let wu: { id: string; idNumber: string };

  it('creates a draft and finds people of the province by name or ID number', async () => {
    zhang = await register('张授予');
    li = await register('李授予');
    wu = await register('吴授予');
    batch = await newBatch();
    expect(batch).toMatchObject({ status: 'draft', lines: [], canEdit: true, canReview: false });
    const byName = await send('POST', `/api/v1/projects/${filed}/award-people`, host, {
      q: '授予',
    });
    expect(byName.statusCode, byName.body).toBe(200);
    const names = byName.json<{ items: { name: string; idNumberMasked: string }[] }>().items;
    expect(names.map((p) => p.name).sort()).toEqual(['吴授予', '张授予', '李授予']);
    expect(JSON.stringify(names)).not.toContain(zhang.idNumber);
    const byId = await send('POST', `/api/v1/projects/${filed}/award-people`, host, {
      q: zhang.idNumber,
    });
    expect(byId.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([zhang.id]);
  });

  it('adds lines by hand, valued by the rules engine with the project’s defaults', async () => {
    let res = await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, {
      personId: learnerId,
    });
    expect(res.statusCode, res.body).toBe(201);
    res = await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, {
      personId: zhang.id,
      role: 'speaker',
      hours: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    batch = res.json<AwardBatch>();
    expect(batch.lines).toHaveLength(2);
    const [attendee, speaker] = batch.lines;
    expect(attendee).toMatchObject({
      lineNo: 1,
      role: 'attendee',
      hours: 12,
      awardedCredits: 2,
      status: 'draft',
      source: 'hand',
      claimId: null,
    });
    expect(attendee?.credits).toBeGreaterThan(0);
    expect(attendee?.packVersions.length).toBeGreaterThan(0);
    expect(speaker).toMatchObject({ role: 'speaker', hours: 2, awardedCredits: 1 });
    const twice = await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, {
      personId: learnerId,
    });
    expect(twice.statusCode).toBe(400);
  });

  it('refuses a roster with a bad row by row and column, writing nothing', async () => {
    const file = await buildExcelJsXlsx([
      rosterHeader,
      [li.idNumber, '李授予', '学员', 6, null],
      [wu.idNumber, '错名字', '学员', null, null],
      [newIdNumber(), '无此人', null, null, null],
      [li.idNumber, '李授予', '讲师', null, null],
    ]);
    const res = await uploadRoster(batch.id, file);
    expect(res.statusCode, res.body).toBe(422);
    const report = res.json<ErrorResponse>().error.details?.report as ImportReport;
    expect(report.written).toBe(false);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '姓名' }),
        expect.objectContaining({ row: 4, column: '身份证号' }),
        expect.objectContaining({ row: 5, column: '角色' }),
      ]),
    );
    const after = await send('GET', `/api/v1/award-batches/${batch.id}`, host);
    expect(after.json<AwardBatch>().lines).toHaveLength(2);
  });

  it('adds every row of a valid roster (dry run first)', async () => {
    const file = await buildExcelJsXlsx([
      rosterHeader,
      [li.idNumber, '李授予', '学员', 6, null],
      [wu.idNumber, '吴授予', null, null, 1.5],
    ]);
    const dry = await uploadRoster(batch.id, file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json<ImportReport>()).toMatchObject({ written: false, created: 2 });
    const res = await uploadRoster(batch.id, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ written: true, created: 2, issues: [] });
    const after = await send('GET', `/api/v1/award-batches/${batch.id}`, host);
    batch = after.json<AwardBatch>();
    expect(batch.lines.map((l) => [l.personName, l.source, l.hours, l.awardedCredits])).toEqual([
      ['王晓明', 'hand', 12, 2],
      ['张授予', 'hand', 2, 1],
      ['李授予', 'roster', 6, 2],
      ['吴授予', 'roster', null, 1.5],
    ]);
  });

  it('removes a draft line', async () => {
    const extra = await register('删除授予');
    let res = await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, {
      personId: extra.id,
    });
    const line = res.json<AwardBatch>().lines.find((l) => l.personId === extra.id);
    res = await send('DELETE', `/api/v1/award-batches/${batch.id}/lines/${line?.id}`, host);
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<AwardBatch>();
    expect(batch.lines).toHaveLength(4);
  });

  it('submits: lines become host_award claims at the CME office; a match is kept once', async () => {
    // 吴授予's attendance already arrived through the unit's entry.
    const entered = await send('POST', '/api/v1/credits', unitAdmin, {
      personId: wu.id,
      activity: {
        type: 'project',
        date: '2026-12-05',
        level: 'provincial',
        role: 'attendee',
        awardedCredits: 1.5,
        projectNumber: '2026-02-01-015（省）',
      },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const stale = await send('POST', `/api/v1/award-batches/${batch.id}/submit`, host, {
      version: batch.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(code(stale)).toBe('stale_state');
    const res = await send('POST', `/api/v1/award-batches/${batch.id}/submit`, host, {
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<AwardBatch>();
    expect(batch.status).toBe('submitted');
    expect(batch.canEdit).toBe(false);
    const matched = batch.lines.find((l) => l.personId === wu.id);
    expect(matched).toMatchObject({
      matched: true,
      matchedChannel: 'unit_bulk_entry',
      claimId: entered.json<{ id: string }>().id,
    });
    const own = batch.lines.filter((l) => !l.matched);
    expect(own.map((l) => l.status)).toEqual(['submitted', 'submitted', 'submitted']);
    const claim = await send('GET', `/api/v1/credits/${own[0]?.claimId}`, province);
    expect(claim.json()).toMatchObject({
      channel: 'host_award',
      currentReviewerOrgId: office,
      provenances: [{ channel: 'host_award' }],
    });
  });

  it('shows the province the submitted batch, not the host’s drafts', async () => {
    const draft = await newBatch();
    const res = await send('GET', '/api/v1/award-batches?status=submitted', province);
    const items = res.json<AwardBatchList>().items;
    expect(items.map((b) => b.id)).toContain(batch.id);
    // The demo seed's batch, from the attendance of the finished national project.
    expect(items.find((b) => b.projectNumber === '2026-04-08-001（国）')).toMatchObject({
      source: 'attendance',
      lineCount: 12,
      pendingCount: 12,
    });
    const all = await send('GET', '/api/v1/award-batches', province);
    expect(all.json<AwardBatchList>().items.map((b) => b.id)).not.toContain(draft.id);
    const hidden = await send('GET', `/api/v1/award-batches/${draft.id}`, province);
    expect(hidden.statusCode).toBe(404);
    const seen = await send('GET', `/api/v1/award-batches/${batch.id}`, province);
    expect(seen.json<AwardBatch>()).toMatchObject({ canReview: true, pendingCount: 3 });
  });

  it('returns one line with a reason; the host resubmits it; approve all', async () => {
    const zhangLine = batch.lines.find((l) => l.personId === zhang.id);
    const matched = batch.lines.find((l) => l.matched);
    const refused = await send('POST', `/api/v1/award-batches/${batch.id}/return`, province, {
      version: batch.version,
      lines: [{ id: matched?.id, reason: 'x' }],
    });
    expect(refused.statusCode).toBe(400);
    let res = await send('POST', `/api/v1/award-batches/${batch.id}/return`, province, {
      version: batch.version,
      lines: [{ id: zhangLine?.id, reason: '授课学时与日程不符' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<AwardBatch>();
    expect(batch.status).toBe('returned');
    expect(batch.lines.find((l) => l.id === zhangLine?.id)).toMatchObject({
      status: 'returned',
      returnReason: '授课学时与日程不符',
    });

    // The host resubmits the corrected line.
    const hostView = (
      await send('GET', `/api/v1/award-batches/${batch.id}`, host)
    ).json<AwardBatch>();
    expect(hostView.canEdit).toBe(true);
    res = await send('POST', `/api/v1/award-batches/${batch.id}/submit`, host, {
      version: hostView.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<AwardBatch>();
    expect(batch.status).toBe('submitted');
    expect(batch.lines.find((l) => l.id === zhangLine?.id)).toMatchObject({
      status: 'submitted',
      returnReason: null,
    });

    res = await send('POST', `/api/v1/award-batches/${batch.id}/approve`, province, {
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<AwardBatch>();
    expect(batch.status).toBe('approved');
    expect(batch.lines.map((l) => l.status)).toEqual([
      'effective',
      'effective',
      'effective',
      'effective',
    ]);
    const history = await send('GET', `/api/v1/credits/${zhangLine?.claimId}`, province);
    expect(history.json<{ history: { action: string }[] }>().history.map((h) => h.action)).toEqual([
      'submit',
      'return',
      'resubmit',
      'approve',
    ]);
  });

  it('counts in the person’s own claims, and the audit log has the batch', async () => {
    // The clock moved a minute per request: a fresh session for the learner.
    const learner = await t.signIn('demo-learner');
    const own = await send('GET', '/api/v1/credits?status=effective', learner);
    expect(own.json<ClaimList>().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'host_award', projectNumber: '2026-02-01-015（省）' }),
      ]),
    );
    const audit = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where target_id = ${batch.id} order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'award.batch_created',
      'award.lines_added',
      'award.lines_added',
      'award.lines_added',
      'award.lines_added',
      'award.line_removed',
      'award.batch_submitted',
      'award.lines_returned',
      'award.batch_submitted',
      'award.batch_approved',
    ]);
  });
});

describe('who may award, and when', () => {
  it('answers 404 for a project of another host org and for other roles', async () => {
    const res = await send('POST', `/api/v1/projects/${otherHosts}/award-batches`, host);
    expect(res.statusCode).toBe(404);
    const batch = await newBatch();
    const unit = await send('GET', `/api/v1/award-batches/${batch.id}`, unitAdmin);
    expect(unit.statusCode).toBe(404);
    const people = await send('POST', `/api/v1/projects/${otherHosts}/award-people`, host, {
      q: '王',
    });
    expect(people.statusCode).toBe(404);
  });

  it('refuses a project that is not filed (409 invalid_state)', async () => {
    const res = await send('POST', `/api/v1/projects/${draftProject}/award-batches`, host);
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('invalid_state');
  });

  it('lets exactly one of two concurrent approvals win (409 stale_state)', async () => {
    const person = await register('并发授予');
    let batch = await newBatch();
    await send('POST', `/api/v1/award-batches/${batch.id}/lines`, host, { personId: person.id });
    batch = (await send('GET', `/api/v1/award-batches/${batch.id}`, host)).json<AwardBatch>();
    batch = (
      await send('POST', `/api/v1/award-batches/${batch.id}/submit`, host, {
        version: batch.version,
      })
    ).json<AwardBatch>();
    const first = await t.signIn('demo-province-admin');
    const second = await t.signIn('demo-province-admin');
    const answers = await Promise.all(
      [first, second, first, second].map((who) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/award-batches/${batch.id}/approve`,
          headers: who.headers,
          payload: { version: batch.version },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(['stale_state', 'invalid_state']).toContain(code(a));
    expect(answers.filter((a) => a.statusCode === 409).some((a) => code(a) === 'stale_state')).toBe(
      true,
    );
    const reviews = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from claim_reviews r join credit_claims c on c.id = r.claim_id
          where c.batch_id = ${batch.id} and r.action = 'approve'`,
    );
    expect(reviews[0]?.n).toBe(1);
  });
});

describe('createBatchFromAttendance (for the check-in feature)', () => {
  it('turns a project’s attendance into a draft batch the host then submits', async () => {
    const a = await register('签到甲');
    const b = await register('签到乙');
    const made = await db.transaction((tx) =>
      services.awards.createBatchFromAttendance(tx, {
        projectId: filed,
        lines: [
          { personId: a.id, role: 'attendee', hours: 12, sessionsAttended: 4 },
          { personId: b.id, role: 'attendee', hours: 9, sessionsAttended: 3 },
        ],
        actor: { userId: null, username: 'check-in', ip: null },
      }),
    );
    expect(made.lines).toBe(2);
    const res = await send('GET', `/api/v1/award-batches/${made.batchId}`, host);
    expect(res.json<AwardBatch>()).toMatchObject({
      status: 'draft',
      source: 'attendance',
      canEdit: true,
      lines: [
        { personId: a.id, hours: 12, sessionsAttended: 4, source: 'attendance' },
        { personId: b.id, hours: 9, sessionsAttended: 3, source: 'attendance' },
      ],
    });
    await expect(
      db.transaction((tx) =>
        services.awards.createBatchFromAttendance(tx, {
          projectId: draftProject,
          lines: [{ personId: a.id, role: 'attendee', hours: 1, sessionsAttended: 1 }],
          actor: { userId: null, username: 'check-in', ip: null },
        }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });
});
