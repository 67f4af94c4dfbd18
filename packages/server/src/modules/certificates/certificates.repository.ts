import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { likeContains, pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { certificates } from '../../platform/db/tables/certificates';

export type CertificateRow = typeof certificates.$inferSelect;
export type NewCertificate = typeof certificates.$inferInsert;

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters (24 columns). */
const batchSize = 1000;

export interface CertificateFilter {
  scope?: readonly string[];
  ownerUserId?: string;
  year?: number;
  unitPath?: string;
  provinceId?: string;
  revoked?: boolean;
  holderNameContains?: string;
  serialPrefix?: string;
  after?: string;
  limit: number;
}

export interface HolderRow {
  id: string;
  name: string;
  idNumberCipher: string;
  idNumberMasked: string;
  userId: string | null;
}

export class CertificatesRepository {
  async holders(db: DbOrTx, personIds: readonly string[]): Promise<HolderRow[]> {
    const found: HolderRow[] = [];
    for (let i = 0; i < personIds.length; i += batchSize) {
      found.push(
        ...(await db
          .select({
            id: people.id,
            name: people.name,
            idNumberCipher: people.idNumberCipher,
            idNumberMasked: people.idNumberMasked,
            userId: people.userId,
          })
          .from(people)
          .where(inArray(people.id, personIds.slice(i, i + batchSize)))),
      );
    }
    return found;
  }

  async orgsByIds(db: DbOrTx, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select({
        id: orgs.id,
        name: orgs.name,
        path: orgs.path,
        kind: orgs.kind,
        regionCode: orgs.regionCode,
      })
      .from(orgs)
      .where(inArray(orgs.id, [...ids]));
  }

  /** The province's CME office (省继教办), the body that issues its certificates. */
  async cmeOfficeName(db: DbOrTx, provinceId: string): Promise<string | undefined> {
    const rows = await db
      .select({ name: orgs.name })
      .from(orgs)
      .where(and(eq(orgs.parentId, provinceId), eq(orgs.kind, 'cme_office')))
      .orderBy(asc(orgs.createdAt))
      .limit(1);
    return rows[0]?.name;
  }

  /**
   * The issuer of a province code as its credentials name it: the issuer of its latest
   * certificate, else its top-level province's CME office (as issuing would name it).
   */
  async issuerOf(
    db: DbOrTx,
    provinceCode: string,
  ): Promise<{ provinceCode: string; issuerName: string } | undefined> {
    const [issued] = await db
      .select({ issuerName: certificates.issuerName })
      .from(certificates)
      .where(eq(certificates.provinceCode, provinceCode))
      .orderBy(desc(certificates.issuedAt))
      .limit(1);
    if (issued) return { provinceCode, issuerName: issued.issuerName };
    const [province] = await db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(
        and(isNull(orgs.parentId), eq(orgs.kind, 'province'), eq(orgs.regionCode, provinceCode)),
      )
      .orderBy(asc(orgs.createdAt))
      .limit(1);
    if (!province) return undefined;
    return {
      provinceCode,
      issuerName: (await this.cmeOfficeName(db, province.id)) ?? province.name,
    };
  }

  async provinceCodes(db: DbOrTx): Promise<string[]> {
    const rows = await queryRows<{ code: string }>(
      db,
      sql`select distinct region_code as code from orgs where parent_id is null and kind = 'province' and region_code is not null order by 1`,
    );
    return rows.map((r) => r.code);
  }

  async existing(db: DbOrTx, year: number, personIds: readonly string[]) {
    const found: { personId: string; serial: string }[] = [];
    for (let i = 0; i < personIds.length; i += batchSize) {
      found.push(
        ...(await db
          .select({ personId: certificates.personId, serial: certificates.serial })
          .from(certificates)
          .where(
            and(
              eq(certificates.year, year),
              inArray(certificates.personId, personIds.slice(i, i + batchSize)),
            ),
          )),
      );
    }
    return found;
  }

  /** Inserts what conflicts with nothing; answers the person ids written. */
  async insertNew(db: DbOrTx, rows: readonly NewCertificate[]): Promise<Set<string>> {
    const written = new Set<string>();
    for (let i = 0; i < rows.length; i += batchSize) {
      const inserted = await db
        .insert(certificates)
        .values(rows.slice(i, i + batchSize))
        .onConflictDoNothing()
        .returning({ personId: certificates.personId });
      for (const r of inserted) written.add(r.personId);
    }
    return written;
  }

  async findBySerial(
    db: DbOrTx,
    serial: string,
  ): Promise<(CertificateRow & { ownerUserId: string | null }) | undefined> {
    const rows = await db
      .select({ certificate: certificates, ownerUserId: people.userId })
      .from(certificates)
      .innerJoin(people, eq(people.id, certificates.personId))
      .where(eq(certificates.serial, serial));
    const row = rows[0];
    return row ? { ...row.certificate, ownerUserId: row.ownerUserId } : undefined;
  }

  async revoke(
    db: DbOrTx,
    personId: string,
    year: number,
    at: Date,
    reason: string,
  ): Promise<CertificateRow | undefined> {
    const rows = await db
      .update(certificates)
      .set({ revokedAt: at, revokedReason: reason })
      .where(
        and(
          eq(certificates.personId, personId),
          eq(certificates.year, year),
          isNull(certificates.revokedAt),
        ),
      )
      .returning();
    return rows[0];
  }

  async findByPersonYear(
    db: DbOrTx,
    personId: string,
    year: number,
  ): Promise<CertificateRow | undefined> {
    const rows = await db
      .select()
      .from(certificates)
      .where(and(eq(certificates.personId, personId), eq(certificates.year, year)));
    return rows[0];
  }

  /**
   * Counts a public verification and answers the certificate: one statement, the same
   * cost as the read it replaces.
   */
  async countVerification(
    db: DbOrTx,
    serial: string,
    at: Date,
  ): Promise<CertificateRow | undefined> {
    const rows = await db
      .update(certificates)
      .set({ verificationCount: sql`${certificates.verificationCount} + 1`, lastVerifiedAt: at })
      .where(eq(certificates.serial, serial))
      .returning();
    return rows[0];
  }

  private where(filter: Omit<CertificateFilter, 'after' | 'limit'>) {
    return and(
      filter.scope ? pathWithin(certificates.unitPath, filter.scope) : undefined,
      filter.unitPath ? pathWithin(certificates.unitPath, [filter.unitPath]) : undefined,
      filter.year === undefined ? undefined : eq(certificates.year, filter.year),
      filter.provinceId ? eq(certificates.provinceId, filter.provinceId) : undefined,
      filter.revoked === undefined
        ? undefined
        : filter.revoked
          ? isNotNull(certificates.revokedAt)
          : isNull(certificates.revokedAt),
      filter.holderNameContains
        ? ilike(certificates.holderName, likeContains(filter.holderNameContains))
        : undefined,
      filter.serialPrefix
        ? like(certificates.serial, `${filter.serialPrefix.replace(/[\\%_]/g, '')}%`)
        : undefined,
    );
  }

  /** How many certificates match a filter (the register's total). */
  async count(db: DbOrTx, filter: Omit<CertificateFilter, 'after' | 'limit'>): Promise<number> {
    const [row] = await db.select({ n: count() }).from(certificates).where(this.where(filter));
    return row?.n ?? 0;
  }

  /** One keyset page ordered by serial. */
  async page(db: DbOrTx, filter: CertificateFilter): Promise<CertificateRow[]> {
    const base = db.select({ certificate: certificates }).from(certificates);
    const joined = filter.ownerUserId
      ? base.innerJoin(
          people,
          and(eq(people.id, certificates.personId), eq(people.userId, filter.ownerUserId)),
        )
      : base;
    const rows = await joined
      .where(
        and(this.where(filter), filter.after ? gt(certificates.serial, filter.after) : undefined),
      )
      .orderBy(asc(certificates.serial))
      .limit(filter.limit);
    return rows.map((r) => r.certificate);
  }
}
