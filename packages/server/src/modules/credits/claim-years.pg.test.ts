import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/build-app';
import { pngBytes } from '../../../test/credit-files';
import { createFactories, type Factories } from '../../../test/factories';
import { createTestDatabase } from '../../../test/test-database';
import { queryRows, type Database } from '../../platform/db/database';
import { audits } from '../../platform/db/tables/audit';
import type { OrgTree } from '../../../test/factories/types';
import type { Claim } from '@jijiao/contracts';

// Archiving a year (ADR 0042): refused while the year is open, then its claims and what
// points at them leave for a file, its partition is detached and dropped, and the log says so.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-claim-years-'));
const clock = new FakeClock('2019-06-01T08:00:00Z');
let database: Database;
let f: Factories;
let tree: OrgTree;
let effective2019: Claim;
let draft2019: Claim;
let kept2020: Claim;

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(database.db, query))[0]?.n;
const archiveFile = (name: string) => path.join(dir, name);
const archive = async (year: number, file: string) =>
  f.services.claimYears.archiveYear(await f.provinceActor(tree.province), year, file);
const refusal = async (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as { code: string; message: string },
  );

beforeAll(async () => {
  database = await createTestDatabase();
  f = createFactories({ database, clock });
  tree = await f.buildOrgTree();
  const person = await f.buildPerson({ unit: tree.unit });
  effective2019 = await f.buildClaim({ person, channel: 'platform_push', status: 'effective' });
  draft2019 = await f.buildClaim({ person });
  await f.services.claims.attachUpload(
    await f.actorOf(person.user),
    draft2019.id,
    { bytes: pngBytes, fileName: '证明.png', declaredType: 'image/png' },
    '127.0.0.1',
  );
  clock.advanceMinutes(365 * 24 * 60);
  kept2020 = await f.buildClaim({ person, channel: 'platform_push', status: 'effective' });
  // To the spring of 2026: 2019 has ended.
  clock.advanceMinutes(6 * 365 * 24 * 60);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('jijiao claims archive-year, as the service does it', () => {
  it('the claims of years long past sit in the default partition', async () => {
    // The migration keeps partitions for this year, the two before and the next (and the
    // years with claims then); 2019 and 2020 are years before those.
    expect([effective2019.year, draft2019.year, kept2020.year]).toEqual([2019, 2019, 2020]);
    expect(
      await count(
        sql`select count(*)::int as n from credit_claims_default
             where id in (${effective2019.id}::uuid, ${draft2019.id}::uuid, ${kept2020.id}::uuid)`,
      ),
    ).toBe(3);
    expect(
      await count(
        sql`select count(*)::int as n from pg_class where relname = 'credit_claims_y2019'`,
      ),
    ).toBe(0);
  });

  it('refuses the current year, and a year no filed audit closes, naming the province', async () => {
    const current = await refusal(archive(2026, archiveFile('2026.gz')));
    expect(current.message).toMatch(/2026 has not ended/);
    const open = await refusal(archive(2019, archiveFile('2019.gz')));
    expect(open.code).toBe('invalid_state');
    expect(open.message).toContain(`2019 is still open: no filed audit of it in`);
    expect(open.message).toContain(tree.province.name);
    expect(fs.existsSync(archiveFile('2019.gz'))).toBe(false);
  });

  it('moves the year into a partition of its own, writes it to a file, detaches and drops the partition, and logs it', async () => {
    await database.db.insert(audits).values({
      provinceId: tree.province.id,
      year: 2019,
      status: 'filed',
      openedAt: clock.now(),
      filedAt: clock.now(),
    });
    const file = archiveFile('2019.jsonl.gz');
    const done = await archive(2019, file);
    expect(done.rows).toMatchObject({
      credit_claims: 2,
      claim_evidence: 1,
      evidence_files: 1,
    });
    expect(done.rows.credit_provenances).toBeGreaterThanOrEqual(2);
    expect(done.rows.claim_reviews).toBeGreaterThanOrEqual(1);

    const bytes = fs.readFileSync(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.sha256);
    const lines = zlib
      .gunzipSync(bytes)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { t?: string; row?: { id?: string }; end?: boolean });
    expect(lines[0]).toMatchObject({ format: 'jijiao-claim-year-archive/1', year: 2019 });
    expect(lines.at(-1)).toMatchObject({ end: true, rows: done.rows });
    expect(
      lines
        .filter((l) => l.t === 'credit_claims')
        .map((l) => l.row?.id)
        .sort(),
    ).toEqual([effective2019.id, draft2019.id].sort());

    expect(await count(sql`select count(*)::int as n from credit_claims where year = 2019`)).toBe(
      0,
    );
    expect(
      await count(
        sql`select count(*)::int as n from pg_class where relname = 'credit_claims_y2019'`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from credit_provenances where claim_id = ${kept2020.id}::uuid and claim_year = 2020`,
      ),
    ).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from claim_evidence where claim_year = 2019`),
    ).toBe(0);
    const [logged] = await queryRows<{ details: Record<string, unknown> }>(
      database.db,
      sql`select details from audit_log where action = 'credit.year_archived'`,
    );
    expect(logged?.details).toMatchObject({ year: 2019, sha256: done.sha256, claims: 2 });
    const [recorded] = await queryRows<{ sha256: string }>(
      database.db,
      sql`select sha256 from claim_year_archives where year = 2019`,
    );
    expect(recorded?.sha256).toBe(done.sha256);
  });

  it('leaves the archived year’s standings as they are: nothing queues them again', async () => {
    const personId = effective2019.personId;
    await database.db.transaction(async (tx) => {
      await f.services.standings.claimsChanged(tx, [
        { personId, year: 2019 },
        { personId, year: 2020 },
      ]);
      await f.services.standings.peopleChanged(tx, [personId]);
    });
    const queued = await queryRows<{ year: number }>(
      database.db,
      sql`select distinct year from standing_queue where person_id = ${personId}::uuid order by year`,
    );
    expect(queued.map((q) => q.year)).toContain(2020);
    expect(queued.map((q) => q.year)).not.toContain(2019);
  });

  it('refuses to archive a year twice; the year can get an empty partition again', async () => {
    const again = await refusal(archive(2019, archiveFile('again.gz')));
    expect(again.message).toMatch(/archived already/);
    const actor = await f.provinceActor(tree.province);
    expect(await f.services.claimYears.addYear(actor, 2019)).toEqual({
      year: 2019,
      created: true,
      moved: 0,
    });
    expect(await f.services.claimYears.addYear(actor, 2019)).toMatchObject({ created: false });
  });

  it('moves a year’s claims out of the default partition when the year gets its own', async () => {
    // No service enters a claim of 2041 (entry is open for the current year only): by hand,
    // with a provenance and a review pointing at it.
    const [claim] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into credit_claims (person_id, unit_id, channel, activity, activity_type,
                                     activity_date, year, credits, pack_versions, status)
          values (${effective2019.personId}::uuid, ${tree.unit.id}::uuid, 'platform_push', '{}'::jsonb,
                  'self_study', '2041-01-02', 2041, 1, '[]'::jsonb, 'draft')
          returning id`,
    );
    const id = claim!.id;
    await database.db.execute(sql`
      insert into credit_provenances (claim_id, claim_year, channel, source_ref, received_at)
      values (${id}::uuid, 2041, 'platform_push', 'by-hand-2041', now())`);
    await database.db.execute(sql`
      insert into claim_reviews (claim_id, claim_year, step, action, to_status, at)
      values (${id}::uuid, 2041, 0, 'submit', 'submitted', now())`);
    expect(
      await count(sql`select count(*)::int as n from credit_claims_default where year = 2041`),
    ).toBe(1);
    const actor = await f.provinceActor(tree.province);
    expect(await f.services.claimYears.addYear(actor, 2041)).toEqual({
      year: 2041,
      created: true,
      moved: 1,
    });
    expect(
      await count(sql`select count(*)::int as n from credit_claims_default where year = 2041`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from credit_claims_y2041 where id = ${id}::uuid`),
    ).toBe(1);
    // What points at it followed it there and back: same claim, same year.
    for (const table of ['credit_provenances', 'claim_reviews'])
      expect(
        await count(
          sql`select count(*)::int as n from ${sql.raw(table)} where claim_id = ${id}::uuid and claim_year = 2041`,
        ),
      ).toBe(1);
    const [entry] = await queryRows<{ details: unknown }>(
      database.db,
      sql`select details from audit_log where action = 'credit.year_partition_added'
           order by id desc limit 1`,
    );
    expect(entry?.details).toEqual({ year: 2041, moved: 1 });
    expect(await f.services.claimYears.addYear(actor, 2041)).toMatchObject({ created: false });
  });

  it('the daily step keeps this year, the two before and the next, and gives each year in the default partition its own', async () => {
    // kept2020 is in the default partition; the clock is in 2026. A year with more claims
    // there than the step moves is left for add-year, and said.
    expect(await f.services.claimYears.ensureYears({ moveAtMost: 0 })).toMatchObject({
      left: [{ year: 2020, claims: 1 }],
    });
    expect(
      await count(sql`select count(*)::int as n from credit_claims_default where year = 2020`),
    ).toBe(1);
    const { added, left } = await f.services.claimYears.ensureYears();
    expect(left).toEqual([]);
    expect(added).toContainEqual({ year: 2020, created: true, moved: 1 });
    for (const year of [2020, 2024, 2025, 2026, 2027])
      expect(
        await count(
          sql`select count(*)::int as n from pg_class where relname = ${`credit_claims_y${String(year)}`}`,
        ),
      ).toBe(1);
    expect(await count(sql`select count(*)::int as n from credit_claims_default`)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from credit_claims_y2020 where id = ${kept2020.id}::uuid`,
      ),
    ).toBe(1);
    expect((await f.services.claimYears.ensureYears()).added).toEqual([]);
  });

  it('the daily step does not make an archived year’s partition again', async () => {
    // 2024 is one of the years kept (the clock is in 2026), and has no claims here:
    // archived by hand.
    await database.db.execute(sql`select created from credit_claims_add_year(2024)`);
    await database.db.execute(sql`alter table credit_claims detach partition credit_claims_y2024`);
    await database.db.execute(sql`drop table credit_claims_y2024`);
    await database.db.execute(sql`
      insert into claim_year_archives (year, file_name, sha256, row_counts)
      values (2024, 'claims-2024.jsonl.gz', ${'0'.repeat(64)}, '{}'::jsonb)`);
    expect((await f.services.claimYears.ensureYears()).added).toEqual([]);
    expect(
      await count(
        sql`select count(*)::int as n from pg_class where relname = 'credit_claims_y2024'`,
      ),
    ).toBe(0);
    await database.db.execute(sql`delete from claim_year_archives where year = 2024`);
    expect((await f.services.claimYears.ensureYears()).added).toEqual([
      { year: 2024, created: true, moved: 0 },
    ]);
  });

  it('refuses to archive a year without claims', async () => {
    const empty = await refusal(archive(2010, archiveFile('2010.gz')));
    expect(empty.message).toMatch(/no claims of 2010/);
    expect(
      await count(
        sql`select count(*)::int as n from pg_class where relname = 'credit_claims_y2010'`,
      ),
    ).toBe(0);
  });
});

/** The rows of each table in an archive file, by table (the file as archive-year wrote it). */
function rowsOfArchive(file: string): Record<string, Record<string, unknown>[]> {
  const byTable: Record<string, Record<string, unknown>[]> = {};
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
  for (const line of lines.slice(1, -1)) {
    const { t, row } = JSON.parse(line) as { t: string; row: Record<string, unknown> };
    (byTable[t] ??= []).push(row);
  }
  return byTable;
}

/** The live rows of a table that point at the year's claims, as `to_jsonb` writes them. */
const liveRows = async (table: string, year: number) =>
  (
    await queryRows<{ row: Record<string, unknown> }>(
      database.db,
      table === 'credit_claims'
        ? sql`select to_jsonb(x) as row from credit_claims x where year = ${year}`
        : sql`select to_jsonb(x) as row from ${sql.raw(table)} x where claim_year = ${year}`,
    )
  ).map((r) => r.row);

const byKey = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('jijiao claims restore-year, as the service does it', () => {
  const file = archiveFile('2019.jsonl.gz');
  const restore = async (year: number, from: string) =>
    f.services.claimYears.restoreYear(await f.provinceActor(tree.province), year, from);

  it('refuses a year that is not archived, and a file that is not the recorded archive', async () => {
    const notArchived = await refusal(restore(2020, file));
    expect(notArchived.code).toBe('invalid_state');
    expect(notArchived.message).toMatch(/2020 are not archived/);

    const tampered = archiveFile('2019-tampered.jsonl.gz');
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    fs.writeFileSync(tampered, bytes);
    const refused = await refusal(restore(2019, tampered));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/not the archive of 2019 .*SHA-256 differs/);
    expect(await count(sql`select count(*)::int as n from credit_claims where year = 2019`)).toBe(
      0,
    );
  });

  it('puts every row back as it was written, and the year is live again', async () => {
    const archived = rowsOfArchive(file);
    const done = await restore(2019, file);
    expect(done.rows).toMatchObject({ credit_claims: 2, claim_evidence: 1, evidence_files: 1 });
    for (const table of ['credit_claims', 'credit_provenances', 'claim_reviews', 'claim_evidence'])
      expect(byKey(await liveRows(table, 2019)), table).toEqual(byKey(archived[table] ?? []));
    const [file2019] = await queryRows<{ bytes: Buffer | Uint8Array }>(
      database.db,
      sql`select f.bytes from evidence_files f join claim_evidence e on e.sha256 = f.sha256
           where e.claim_id = ${draft2019.id}::uuid`,
    );
    expect(Buffer.from(file2019?.bytes ?? [])).toEqual(pngBytes);
    expect(
      await count(sql`select count(*)::int as n from claim_year_archives where year = 2019`),
    ).toBe(0);
    const [logged] = await queryRows<{ details: Record<string, unknown> }>(
      database.db,
      sql`select details from audit_log where action = 'credit.year_restored'`,
    );
    expect(logged?.details).toMatchObject({ year: 2019, sha256: done.sha256, claims: 2 });
  });

  it('archives the restored year again, to the same rows', async () => {
    const again = await archive(2019, archiveFile('2019-again.jsonl.gz'));
    const first = rowsOfArchive(file);
    expect(again.rows).toEqual(
      Object.fromEntries(
        Object.entries(again.rows).map(([table]) => [table, first[table]?.length ?? 0]),
      ),
    );
  });

  it('refuses a file cut short even when its hash was recorded, and writes nothing', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(archiveFile('2019-again.jsonl.gz')));
    const lines = whole.toString('utf8').trimEnd().split('\n');
    const cut = archiveFile('2019-cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(`${lines.slice(0, -2).join('\n')}\n`));
    const sha = createHash('sha256').update(fs.readFileSync(cut)).digest('hex');
    await database.db.execute(
      sql`update claim_year_archives set sha256 = ${sha} where year = 2019`,
    );
    const refused = await refusal(restore(2019, cut));
    expect(refused.code).toBe('validation_failed');
    expect(refused.message).toMatch(/no end line/);
    expect(await count(sql`select count(*)::int as n from credit_claims where year = 2019`)).toBe(
      0,
    );
    expect(
      await count(sql`select count(*)::int as n from claim_year_archives where year = 2019`),
    ).toBe(1);
  });

  it('restores a year once when two restores of it run at the same time', async () => {
    const whole = archiveFile('2019-again.jsonl.gz');
    const sha = createHash('sha256').update(fs.readFileSync(whole)).digest('hex');
    await database.db.execute(
      sql`update claim_year_archives set sha256 = ${sha} where year = 2019`,
    );
    const outcomes = await Promise.allSettled([restore(2019, whole), restore(2019, whole)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect((refused?.reason as { code?: string } | undefined)?.code).toMatch(
      /^(conflict|invalid_state)$/,
    );
    expect(await count(sql`select count(*)::int as n from credit_claims where year = 2019`)).toBe(
      2,
    );
  });
});
