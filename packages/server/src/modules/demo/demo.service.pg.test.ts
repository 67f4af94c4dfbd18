import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parseResidentId } from '@jijiao/domain';
import { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { createTestDatabase } from '../../../test/test-database';
import { queryRows } from '../../platform/db/database';
import { testConfig } from '../../../test/test-config';
import { seedDemo } from './demo.service';
import { createRandom, generateDemoPeople } from './demo-people';

const database = await createTestDatabase();
const config = testConfig();
const { db } = database;

interface PersonRow {
  name: string;
  id_number_cipher: string;
  id_number_hash: string;
  id_number_masked: string;
  birth_date: string;
  sex: string;
}

describe('the demo province', () => {
  it('holds 演示省 (990000) with two cities, districts, units and a few hundred people', async () => {
    const orgs = await queryRows<{ kind: string; n: number }>(
      db,
      sql`select kind, count(*)::int as n from orgs group by kind`,
    );
    const byKind = Object.fromEntries(orgs.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({ province: 1, city: 2 });
    expect(byKind.district).toBeGreaterThanOrEqual(3);
    expect(byKind.unit).toBeGreaterThanOrEqual(6);
    const root = await queryRows<{ name: string; region_code: string }>(
      db,
      sql`select name, region_code from orgs where depth = 0`,
    );
    expect(root).toEqual([{ name: '演示省卫生健康委员会', region_code: '990000' }]);
    const people = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from people`);
    expect(people[0]?.n).toBeGreaterThanOrEqual(200);
  });

  it('has one demo account per role', async () => {
    const rows = await queryRows<{ username: string; role: string }>(
      db,
      sql`select u.username, r.role from users u join user_roles r on r.user_id = u.id order by u.username`,
    );
    expect(rows.map((r) => `${r.username}:${r.role}`)).toEqual([
      'demo-association-reviewer:reviewer',
      'demo-district-reviewer:reviewer',
      'demo-host-admin:host_admin',
      'demo-learner:learner',
      'demo-province-admin:province_admin',
      'demo-province-reviewer:reviewer',
      'demo-reviewer:reviewer',
      'demo-system-admin:system_admin',
      'demo-unit-admin:unit_admin',
    ]);
  });

  it('stores ID numbers only encrypted, with a keyed lookup hash and a mask', async () => {
    const cipher = new IdNumberCipher(config.idKeys.encryptionKey, config.idKeys.lookupKey);
    const rows = await queryRows<PersonRow>(db, sql`select * from people order by id limit 50`);
    for (const row of rows) {
      const idNumber = cipher.decrypt(row.id_number_cipher);
      const parsed = parseResidentId(idNumber);
      expect(parsed.ok, idNumber.slice(0, 4)).toBe(true);
      if (!parsed.ok) continue;
      expect(row.id_number_cipher).not.toContain(idNumber);
      expect(row.id_number_hash).toBe(cipher.lookupHash(idNumber));
      expect(row.id_number_masked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
      expect(row.birth_date.slice(0, 10)).toBe(parsed.value.birthDate);
      expect(row.sex).toBe(parsed.value.sex);
    }
    const all = await queryRows<PersonRow>(db, sql`select * from people`);
    const dump = JSON.stringify(all);
    const leaked = all
      .map((r) => cipher.decrypt(r.id_number_cipher))
      .filter((id) => dump.includes(id));
    expect(leaked).toEqual([]);
  });

  it('is deterministic and does nothing on a database that has data', async () => {
    const a = generateDemoPeople(50, createRandom(7));
    const b = generateDemoPeople(50, createRandom(7));
    expect(a).toEqual(b);
    expect(new Set(a.map((p) => p.idNumber)).size).toBe(50);
    const again = await seedDemo(database, config, argon2Hasher);
    expect(again.seeded).toBe(false);
    // The banner names the organisations even when it seeded nothing.
    expect(again.accounts.find((a) => a.username === 'demo-learner')?.org).toBe('江南区人民医院');
  });
});

describe('the demo review queue', () => {
  it('has self-reported claims with real PNG scans waiting at the learner’s unit, two sharing a file', async () => {
    const rows = await queryRows<{
      status: string;
      reviewer: string;
      flagged: boolean;
      content_type: string;
      head: string;
    }>(
      db,
      sql`select c.status, o.name reviewer, f.content_type, encode(substring(f.bytes from 1 for 8), 'hex') head,
            exists (select 1 from claim_evidence other where other.sha256 = e.sha256 and other.person_id <> c.person_id) flagged
          from credit_claims c join orgs o on o.id = c.current_reviewer_org_id
          join claim_evidence e on e.claim_id = c.id join evidence_files f on f.sha256 = e.sha256
          where c.channel = 'self_report'`,
    );
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => `${r.status}@${r.reviewer}`))).toEqual(
      new Set(['submitted@江南区人民医院']),
    );
    expect(rows.every((r) => r.content_type === 'image/png' && r.head === '89504e470d0a1a0a')).toBe(
      true,
    );
    expect(rows.filter((r) => r.flagged)).toHaveLength(2);
  });
});

describe('the demo review chains at start (ADR 0023)', () => {
  it('has claims waiting at the own org of every reviewing account, one per level', async () => {
    const rows = await queryRows<{ username: string; kind: string; waiting: number }>(
      db,
      sql`select u.username, o.kind,
            (select count(*)::int from credit_claims c
              where c.status = 'submitted' and c.current_reviewer_org_id = r.org_id) waiting
          from users u join user_roles r on r.user_id = u.id join orgs o on o.id = r.org_id
          where r.role in ('unit_admin', 'reviewer') order by o.depth, u.username`,
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'cme_office',
      'city',
      'district',
      'association',
      'unit',
    ]);
    for (const row of rows) expect(row.waiting, row.username).toBeGreaterThan(0);
  });

  it('walked each claim above the unit with one reviewer per step, none acting for another', async () => {
    const rows = await queryRows<{ approvals: number; people: number; acted_for: number }>(
      db,
      sql`select count(*)::int approvals, count(distinct r.actor_user_id)::int people,
            count(*) filter (where r.acted_for)::int acted_for
          from claim_reviews r join credit_claims c on c.id = r.claim_id
          where r.action = 'approve' and c.status = 'submitted' group by c.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toEqual({ approvals: row.people, people: row.people, acted_for: 0 });
  });
});

describe('the audit log', () => {
  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    await db.execute(sql`insert into audit_log (at, action) values (now(), 'test.entry')`);
    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const rows = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where action = 'test.entry'`,
    );
    expect(rows).toHaveLength(1);
  });
});
