/**
 * Fuzz in the suite (issue 19, item 7): every path and method of the app's own OpenAPI
 * document is sent generated hostile requests through `app.inject`, and none may answer
 * 5xx, nor a 4xx that names no field where a field is what went wrong.
 *
 * What is generated, guided by each route's schemas: path parameters (mostly real ids of
 * this file's data, so handlers reach the database; else uuids and hostile text), query
 * parameters and JSON bodies of the right shape whose leaves are edge values the schema
 * accepts (bounds, 2^53, 9999-12-31, strings of the maximum length or ~1 MB) or hostile
 * ones (NUL, lone surrogates sent as WTF-8 bytes, 1e400, -0, 1 MiB strings, 1000-level
 * nesting, a value of the wrong type, keys nobody declared, required fields left out). Each
 * request is sent as a caller who holds the route's permission (each role, a platform key,
 * a kiosk's device token; anonymous for public routes), with the CSRF token on writes.
 *
 * The rule: no status ≥ 500. A 4xx names a field (`error.issues[].path`, non-empty) unless
 * no field can be at fault: 401 and 403 (who is asking), 404 (nothing there, the path is
 * the whole question), 409 and 423 (the object's state), 429 (the rate), 400
 * `nothing_to_update` (the body as a whole names nothing), 413 (the body's size) and 415
 * (the body's type); a 422 other than `validation_failed`/`import_invalid` is a domain rule
 * about the whole object (`year_closed`, `evidence_required`, …).
 *
 * Bounds: `JIJIAO_FUZZ_RUNS` requests per operation (10 by default, ~160 operations), a
 * fixed seed (`JIJIAO_FUZZ_SEED`) so a run replays, no shrinking (a failure prints the
 * request as sent, long values cut). `JIJIAO_FUZZ_LOG=<file>` writes every answer's status. Destructive routes act on this file's throwaway database; the fuzz's own
 * accounts are kept out of the ids it picks, and a last test checks they are still signed in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rolePermissions, type Role } from '@jijiao/contracts';
import { buildTestApp, type Session } from './build-app';
import { createFactories } from './factories';
import { describeValue } from './fuzz/hostile-values';
import {
  callersFor,
  operationsOf,
  requestArb,
  wireOf,
  type FuzzRequest,
  type OpenApiDocument,
  type Operation,
  type Wire,
} from './fuzz/operations';
import { problemOf } from './fuzz/verdict';
import { createIdPool } from './fuzz/id-pool';

const runsPerOperation = Number(process.env.JIJIAO_FUZZ_RUNS ?? '10');
const seed = Number(process.env.JIJIAO_FUZZ_SEED ?? '1907');

// `POST /system/backups` writes real backups: into a directory of this file's own.
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-fuzz-backups-'));
afterAll(() => {
  fs.rmSync(backupDir, { recursive: true, force: true });
});
const t = await buildTestApp({ JIJIAO_BACKUP_DIR: backupDir });
const f = createFactories(t);
const tree = await f.buildOrgTree();
const staffRoles = ['province_admin', 'system_admin', 'host_admin', 'unit_admin', 'reviewer'];
const accounts = {
  province_admin: await f.buildUser({ role: 'province_admin', org: tree.province }),
  system_admin: await f.buildUser({ role: 'system_admin', org: tree.province }),
  host_admin: await f.buildUser({ role: 'host_admin', org: tree.host }),
  unit_admin: await f.buildUser({ role: 'unit_admin', org: tree.unit }),
  reviewer: await f.buildUser({ role: 'reviewer', org: tree.city }),
};
const learner = await f.buildPerson({ unit: tree.unit });
const usernames: Record<string, string> = {
  ...Object.fromEntries(Object.entries(accounts).map(([role, a]) => [role, a.username])),
  learner: learner.user.username,
};
const sessions: Record<string, Session> = {};
for (const [caller, username] of Object.entries(usernames))
  sessions[caller] = await t.signIn(username);

// Data for the ids to point at: people, projects, claims in each state, a certificate.
const people = [
  learner,
  await f.buildPerson({ unit: tree.unit }),
  await f.buildPerson({ unit: tree.unit }),
];
const project = await f.buildProject({ host: tree.host, status: 'filed' });
const finished = await f.buildProject({ host: tree.host, status: 'finished' });
const claims = await Promise.all(
  (['draft', 'submitted', 'effective', 'returned', 'rejected'] as const).map((status) =>
    f.buildClaim({ status, person: people[1] }),
  ),
);
const certificate = await f.buildCertificate({ person: people[2] });
const platformOrg = await f.buildOrg({ parent: tree.province, kind: 'platform' });

async function post(caller: string, url: string, payload: object): Promise<unknown> {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: sessions[caller]?.headers ?? {},
    payload,
  });
  expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}
const { secret } = (await post('province_admin', `/api/v1/platforms/${platformOrg.id}/keys`, {
  label: 'fuzz',
})) as { secret: string };
const { token: deviceToken } = (await post('host_admin', `/api/v1/projects/${project.id}/devices`, {
  name: 'fuzz kiosk',
})) as { token: string };

// An audit, an award batch and a session, for the routes under them (the lists harvest ids).
await post('province_admin', '/api/v1/audits', { provinceId: tree.province.id, year: 2025 });
await post('host_admin', `/api/v1/projects/${finished.id}/award-batches`, {});
await post('host_admin', `/api/v1/projects/${project.id}/sessions`, {
  date: '2026-03-31',
  startTime: '08:30',
  endTime: '11:30',
  hours: 3,
  place: '报告厅',
});

await t.app.ready();
const operations = operationsOf(t.app.swagger() as unknown as OpenApiDocument);
const permissionOf = new Map(
  t.app.routeCatalogue.map((r) => [`${r.method} ${r.url}`, r.permission]),
);
const holders: Record<string, readonly string[]> = {
  ...Object.fromEntries(staffRoles.map((role) => [role, rolePermissions[role as Role]])),
  learner: rolePermissions.learner,
};

function authFor(caller: string, method: string): Record<string, string> {
  if (caller === 'platform') return { authorization: `Bearer ${secret}` };
  if (caller === 'device') return { authorization: `Bearer ${deviceToken}` };
  const session = sessions[caller];
  if (!session) return {};
  return method === 'GET' ? { cookie: session.cookie } : session.headers;
}

const pool = createIdPool({
  // Accounts and the learner whose sessions the fuzz uses: never reset, locked or moved.
  excluded: new Set([...Object.values(accounts).map((a) => a.id), learner.user.id, learner.id]),
});
const orgs = [tree.province, tree.cmeOffice, tree.host, tree.city, tree.district, tree.unit];
pool.add(
  '/api/v1/orgs',
  [...orgs, tree.association, platformOrg].map((o) => o.id),
);
pool.add('/api/v1/units', [tree.unit.id]);
pool.add(
  '/api/v1/people',
  people.map((p) => p.id),
);
pool.add('/api/v1/projects', [project.id, finished.id]);
pool.add(
  '/api/v1/credits',
  claims.map((c) => c.id),
);
pool.add('/api/v1/certificates', [certificate.serial]);
pool.add('/api/v1/platforms', [platformOrg.id]);
pool.add('/api/v1/provinces', [tree.province.id]);

/** Lists read once as the province admin (and the learner): their ids join the pool. */
for (const op of operations.filter((o) => o.method === 'GET' && o.params.length <= 1)) {
  const id = op.params[0] ? pool.first(op, op.params[0].name) : undefined;
  if (op.params.length === 1 && id === undefined) continue;
  const url = op.path.replace(/\{[^}]+\}/, id ?? '');
  for (const caller of ['province_admin', 'host_admin', 'learner']) {
    const response = await t.app.inject({ method: 'GET', url, headers: authFor(caller, 'GET') });
    if (response.statusCode === 200 && String(response.headers['content-type']).includes('json'))
      pool.harvest(op.path, response.json());
  }
}

async function send(wire: Wire) {
  return t.app.inject({
    method: wire.method as 'GET',
    url: wire.url,
    headers: wire.headers,
    ...(wire.payload !== undefined ? { payload: wire.payload } : {}),
  });
}

/** Signing out ends the session: that route gets a session of its own for each request. */
async function authForRequest(
  op: Operation,
  request: FuzzRequest,
): Promise<Record<string, string>> {
  if (op.method === 'DELETE' && op.path === '/api/v1/session') {
    const username = usernames[request.caller];
    if (username) return (await t.signIn(username)).headers;
  }
  return authFor(request.caller, op.method);
}

function describeWire(wire: Wire, request: FuzzRequest): string {
  return [
    `${wire.method} ${describeValue(wire.url)} as ${request.caller}`,
    wire.payload !== undefined ? `body ${describeValue(wire.payload)}` : 'no body',
  ].join(', ');
}

/** `JIJIAO_FUZZ_LOG=<file>`: every request's route, caller and answer, to see how deep it got. */
const logFile = process.env.JIJIAO_FUZZ_LOG;
const answers: string[] = [];
afterAll(() => {
  if (logFile) fs.writeFileSync(logFile, answers.join('\n'));
});

describe('every route of the OpenAPI document, fuzzed', () => {
  it('covers the whole document', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const op of operations)
      expect(permissionOf.has(`${op.method} ${op.route}`), op.route).toBe(true);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: no 5xx, and every 4xx names its field',
    async (_name, op) => {
      const callers = callersFor(permissionOf.get(`${op.method} ${op.route}`), holders);
      let failure: string | undefined;
      const property = fc.asyncProperty(
        requestArb(op, callers, pool, (o, name) => pool.arbitrary(o, name)),
        async (request) => {
          const wire = wireOf(op, request, await authForRequest(op, request));
          const response = await send(wire);
          if (logFile)
            answers.push(
              `${op.method} ${op.path} ${request.caller} ${String(response.statusCode)} ${response.body.slice(0, 200)}`,
            );
          const problem = problemOf(response.statusCode, response.body);
          if (problem) {
            failure = `${describeWire(wire, request)} → ${String(response.statusCode)} ${describeValue(response.body)}: ${problem}`;
            return false;
          }
          return true;
        },
      );
      const details = await fc.check(property, {
        seed,
        numRuns: runsPerOperation,
        endOnFailure: true,
      });
      if (details.failed) throw new Error(failure ?? String(details.errorInstance));
    },
  );

  it('leaves the fuzz’s own sessions signed in (else later routes were fuzzed as nobody)', async () => {
    for (const [caller, session] of Object.entries(sessions)) {
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: session.cookie },
      });
      expect(me.statusCode, caller).toBe(200);
    }
  });
});
