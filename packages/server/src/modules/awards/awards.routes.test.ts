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
import { createFactories, newResidentId, type TestPerson } from '../../../test/factories';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import { queryRows } from '../../platform/db/database';

/**
 * Host award batches end to end: by hand and by roster, submit to the province's CME
 * office, a line returned and resubmitted, approve all → effective in the person's claims;
 * scope and project status. The concurrent-approval race: awards-race.pg.test.ts.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const services = f.services;
const tree = await f.buildOrgTree();
const host = await t.signIn((await f.buildUser({ role: 'host_admin', org: tree.host })).username);
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const office = tree.cmeOffice.id;

const filedProject = await f.buildProject({
  host: tree.host,
  level: 'provincial',
  startDate: '2026-12-05',
  endDate: '2026-12-06',
  hours: 12,
  attendeeCredits: 2,
  speakerCredits: 1,
});
const filed = filedProject.id;
// A hospital hosting its own project: another host org of the province.
const otherHost = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '市中心医院' });
const otherHosts = (await f.buildProject({ host: otherHost, level: 'municipal' })).id;
const draftProject = (await f.buildProject({ host: tree.host, status: 'draft' })).id;
const learnerPerson = await f.buildPerson({ unit: tree.unit, name: '王晓明' });
const learnerId = learnerPerson.id;

// A batch the check-in feature made from a finished project's attendance, submitted.
const finished = await f.buildProject({ host: tree.host, status: 'finished', level: 'national' });
const attendees: TestPerson[] = [];
for (let i = 0; i < 3; i += 1) attendees.push(await f.buildPerson({ unit: tree.unit }));
const attendanceBatch = await db.transaction(async (tx) => {
  const lines = attendees.map((person) => ({
    personId: person.id,
    role: 'attendee' as const,
    hours: 12,
    sessionsAttended: 4,
  }));
  const actor = { userId: null, username: 'check-in', ip: null };
  const made = await services.awards.createBatchFromAttendance(tx, {
    projectId: finished.id,
    lines,
    actor,
  });
  await services.awards.submitInTx(tx, made.batchId, actor);
  return made;
});

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
  const person = await f.buildPerson({ unit: tree.unit, name });
  return { id: person.id, idNumber: person.idNumber };
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
      [newResidentId(), '无此人', null, null, null],
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
        projectNumber: filedProject.number,
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
    // The batch made from the finished project's attendance.
    expect(items.find((b) => b.id === attendanceBatch.batchId)).toMatchObject({
      projectNumber: finished.number,
      source: 'attendance',
      lineCount: 3,
      pendingCount: 3,
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
    const learner = await t.signIn(learnerPerson.user.username);
    const own = await send('GET', '/api/v1/credits?status=effective', learner);
    expect(own.json<ClaimList>().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'host_award', projectNumber: filedProject.number }),
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
