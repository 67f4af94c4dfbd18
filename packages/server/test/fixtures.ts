import { sql } from 'drizzle-orm';
import { residentIdCheckChar } from '@jijiao/domain';
import { queryRows, type Db } from '../src/platform/db/database';

/** A demo organisation's id by its exact name, for the demo's own tests. */
export async function orgIdByName(db: Db, name: string): Promise<string> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from orgs where name = ${name}`);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no org named ${name}`);
  return id;
}

let serial = 0;
/** A valid, unused resident ID number (region 430102, born 1985, a fresh sequence). */
export function newIdNumber(birth = '19850615'): string {
  serial += 1;
  const first17 = `430102${birth}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A person registration body (`POST /api/v1/people`) for a unit. */
export function personBody(unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: '测试人员',
    idNumber: newIdNumber(),
    profession: 'physician',
    titleGrade: 'intermediate',
    unitId,
    ...overrides,
  };
}
