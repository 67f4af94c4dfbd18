import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Claim, EvidenceDocuments, EvidenceUploaded } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { pdfBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/**
 * The documents each activity type asks for (pack `evidence`), refused by name when
 * missing, and the filed-project check of Sichuan (pack `filedProjects`).
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const me = await f.buildPerson({ unit: tree.unit });
const learner = await t.signIn(me.user.username);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);

const aidPost = { type: 'aid_post', date: '2026-02-20', months: 2 };

type ErrorBody = {
  error: {
    code: string;
    details?: { missing?: string[] };
    issues?: { path: string; message: string }[];
  };
};
const errorOf = (res: { body: string }) => (JSON.parse(res.body) as ErrorBody).error;

function send(method: 'POST' | 'GET', url: string, who: Session, payload?: object) {
  t.clock.advanceMinutes(1);
  return t.app.inject({
    method,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

let serial = 0;
/** A distinct stored file, referenced as the document `kind`. */
async function uploaded(who: Session, kind?: string) {
  serial += 1;
  const file = multipartFile(pdfBytes(`scan ${String(serial)}`), {
    fileName: `scan-${String(serial)}.pdf`,
    contentType: 'application/pdf',
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/evidence',
    headers: { ...who.headers, ...file.headers },
    payload: file.payload,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const stored = res.json<EvidenceUploaded>();
  return { sha256: stored.sha256, fileName: stored.fileName, ...(kind ? { kind } : {}) };
}

async function claimCount(): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int n from credit_claims`);
  return rows[0]?.n ?? 0;
}

describe('the documents an activity type asks for', () => {
  it('lists them per type under the caller’s rules', async () => {
    const res = await send('GET', '/api/v1/credits/evidence-documents?year=2026', learner);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<EvidenceDocuments>();
    expect(body.year).toBe(2026);
    expect(body.documents.aid_post).toEqual(['dispatch_document', 'receiving_unit_evaluation']);
    expect(body.documents.further_study).toEqual(['completion_certificate']);
    expect(body.documents.self_study).toEqual([]);
  });

  it.each([
    ['no file', [], ['dispatch_document', 'receiving_unit_evaluation']],
    [
      'files that say no document',
      [undefined, undefined],
      ['dispatch_document', 'receiving_unit_evaluation'],
    ],
    ['the dispatch document only', ['dispatch_document'], ['receiving_unit_evaluation']],
    ['the evaluation only', ['receiving_unit_evaluation'], ['dispatch_document']],
  ] as const)(
    'refuses 对口支援 submitted with %s, naming what is missing',
    async (_, kinds, missing) => {
      const before = await claimCount();
      const evidence = await Promise.all(kinds.map((kind) => uploaded(learner, kind)));
      const res = await send('POST', '/api/v1/credits', learner, {
        activity: aidPost,
        evidence,
        submit: true,
      });
      expect(res.statusCode).toBe(422);
      const error = errorOf(res);
      expect(error.code).toBe('evidence_required');
      expect(error.details?.missing).toEqual(missing);
      expect(error.issues?.[0]?.path).toBe('evidence');
      expect(error.issues?.[0]?.message).toContain(
        (missing as readonly string[]).includes('dispatch_document')
          ? '派出文件'
          : '接收单位考核/鉴定意见',
      );
      expect(await claimCount()).toBe(before);
    },
  );

  it('takes 对口支援 with both documents, and shows reviewers the checklist ticked', async () => {
    const evidence = [
      await uploaded(learner, 'dispatch_document'),
      await uploaded(learner, 'receiving_unit_evaluation'),
    ];
    const res = await send('POST', '/api/v1/credits', learner, {
      activity: aidPost,
      evidence,
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Claim>().id;
    // The unit reviews first: its admin opens the claim as a reviewer does.
    const seen = await send('GET', `/api/v1/credits/${id}`, unitAdmin);
    expect(seen.statusCode, seen.body).toBe(200);
    const claim = seen.json<Claim>();
    expect(claim.status).toBe('submitted');
    expect(claim.evidenceChecklist).toEqual([
      { kind: 'dispatch_document', attached: true },
      { kind: 'receiving_unit_evaluation', attached: true },
    ]);
    expect(claim.evidence.map((e) => e.kind).sort()).toEqual([
      'dispatch_document',
      'receiving_unit_evaluation',
    ]);
  });

  it('keeps a draft short of a document, ticks what is there, and submits once it is added', async () => {
    const draft = await send('POST', '/api/v1/credits', learner, {
      activity: { type: 'further_study', date: '2026-01-15', months: 1 },
      evidence: [await uploaded(learner)],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const saved = draft.json<Claim>();
    expect(saved.evidenceChecklist).toEqual([{ kind: 'completion_certificate', attached: false }]);
    const refused = await send('POST', `/api/v1/credits/${saved.id}/submit`, learner, {
      version: saved.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).details?.missing).toEqual(['completion_certificate']);

    const file = multipartFile(pdfBytes('completion certificate'), {
      fileName: '结业证书.pdf',
      contentType: 'application/pdf',
    });
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credits/${saved.id}/evidence?kind=completion_certificate`,
      headers: { ...learner.headers, ...file.headers },
      payload: file.payload,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    const submitted = await send('POST', `/api/v1/credits/${saved.id}/submit`, learner, {
      version: saved.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Claim>().evidenceChecklist).toEqual([
      { kind: 'completion_certificate', attached: true },
    ]);
  });

  it('refuses a unit’s entry for staff submitted without the documents as well', async () => {
    const res = await send('POST', '/api/v1/credits', unitAdmin, {
      personId: me.id,
      activity: {
        type: 'project',
        date: '2026-02-02',
        level: 'national',
        role: 'attendee',
        hours: 6,
      },
      evidence: [],
      submit: true,
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).details?.missing).toEqual(['credit_certificate']);
  });
});

const sichuan = await f.buildOrgTree({ regionCode: '510000' });
const staff = await f.buildPerson({ unit: sichuan.unit });
const who = await t.signIn(staff.user.username);
const filed = await f.buildProject({
  host: sichuan.host,
  level: 'provincial',
  status: 'finished',
  startDate: '2026-02-10',
  endDate: '2026-02-12',
  name: '基层急诊急救能力提升培训班',
  hours: 18,
  attendeeCredits: 3,
  speakerCredits: 5,
});

describe('filed-project checks where the pack asks for them (Sichuan)', () => {
  const project = (extra: object) => ({
    type: 'project',
    date: filed.startDate,
    level: 'provincial',
    role: 'attendee',
    hours: 40,
    awardedCredits: 9,
    ...extra,
  });
  const report = async (activity: object) =>
    send('POST', '/api/v1/credits', who, {
      activity,
      evidence: [await uploaded(who, 'credit_certificate')],
      submit: true,
    });

  it.each([
    [
      'a number not filed',
      { projectNumber: '2026-01-01-9999（省）' },
      'activity.projectNumber',
      '2026-01-01-9999（省）',
    ],
    ['a name not filed', { projectName: '并无此项目' }, 'activity.projectName', '并无此项目'],
    [
      'the filed name on a day outside its dates',
      { projectName: '基层急诊急救能力提升培训班', date: '2026-02-20' },
      'activity.projectName',
      '2026-02-20',
    ],
    ['neither number nor name', {}, 'activity.projectNumber', '备案'],
  ] as const)(
    'refuses a provincial project with %s, saying why in Chinese',
    async (_, extra, path, words) => {
      const before = await claimCount();
      const res = await report(project(extra));
      expect(res.statusCode).toBe(422);
      const error = errorOf(res);
      expect(error.code).toBe('project_not_filed');
      expect(error.issues?.[0]?.path).toBe(path);
      expect(error.issues?.[0]?.message).toContain(words);
      expect(await claimCount()).toBe(before);
    },
  );

  it('values a project matched by number from the registry, not from what was typed', async () => {
    const res = await report(project({ projectNumber: filed.number }));
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json<Claim>();
    expect(claim.credits).toBe(3);
    expect(claim.activity).toMatchObject({
      hours: 18,
      awardedCredits: 3,
      projectNumber: filed.number,
      projectName: filed.name,
    });
  });

  it('matches by name and a day within the dates, valuing a speaker from the registry', async () => {
    const res = await report(
      project({ projectName: filed.name, date: filed.endDate, role: 'speaker', awardedCredits: 1 }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json<Claim>();
    expect(claim.projectNumber).toBe(filed.number);
    expect(claim.activity).toMatchObject({ awardedCredits: 5, hours: 18 });
  });

  it('previews a matched project at the registry’s value', async () => {
    const res = await send('POST', '/api/v1/credits/preview', who, {
      activity: project({ projectNumber: filed.number, awardedCredits: 0.5 }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ credits: number }>().credits).toBe(3);
  });

  it('does not ask the registry about a national project', async () => {
    const res = await report(
      project({ level: 'national', projectNumber: '2026-01-01-0001（国）', hours: 6 }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});
