import {
  buildAchievement,
  buildIssuerProfile,
  maskPersonName,
  parseCertificateSerial,
  type JsonValue,
} from '@jijiao/domain';
import type {
  Certificate,
  CertificateFilter,
  CertificateKeys,
  CertificateList,
  CertificateListQuery,
  CertificateRegister,
  CertificateRegisterItem,
  CertificateVerification,
} from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { actorEvent, type AuditEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { HrPushService } from '../hr-push/hr-push.service';
import type { CertificateKeyRing } from './certificate-keys';
import {
  canIssuePdfsIn,
  canListCertificatesOf,
  certificatePolicy,
  pdfJobRootOf,
} from './certificates.policy';
import { sha256Hex, type ContentStore } from '../../platform/storage/content-store';
import type { JobsService } from '../jobs/jobs.service';
import type { JobContext } from '../jobs/job-runner';
import type { CertificatePdfsRepository } from './certificate-pdfs.repository';
import { runPdfJob, type PdfJobResult } from './certificate-pdf-job';
import { unitCertificatesZip } from './certificate-zip';
import { listCertificates } from './certificate-register';
import type { CertificateRow, CertificatesRepository } from './certificates.repository';
import { factsOf, signedBytesOf, toCertificate, verifyUrlOf } from './certificate-facts';
import {
  issueCertificateBatch,
  type CertificateIssueInput,
  type CertificateIssueResult,
} from './certificate-issue';
import { renderCertificatePdf } from './certificate-pdf';
import type { NotificationsService } from '../notifications/notifications.service';
import { signedOpenBadge } from './certificate-badge';

export interface CertificatesDeps {
  db: Db;
  clock: Clock;
  repository: CertificatesRepository;
  keys: CertificateKeyRing;
  cipher: IdNumberCipher;
  orgs: OrgsService;
  hrPush: HrPushService;
  auditLog: AuditLogService;
  publicBaseUrl: string;
  pdfs: CertificatePdfsRepository;
  /** Issued PDFs by content hash (ADR 0036). */
  pdfStore: ContentStore;
  pdfWorkers: number;
  jobs: Pick<JobsService, 'enqueue'>;
  /** Tells each person of their certificate issued or revoked (ADR 0038). */
  notifications?: Pick<NotificationsService, 'notifyPeople'>;
}

export interface CertificateRevokeInput {
  personId: string;
  year: number;
  reason: string;
  at: Date;
  /** Who revoked, for the audit log (the fraud workflow's actor). */
  actor?: Actor;
  ip?: string;
}

/** Annual certificates: issue (for the audit), revoke (for fraud), verify, download. */
export class CertificatesService {
  readonly #deps: CertificatesDeps;

  constructor(deps: CertificatesDeps) {
    this.#deps = deps;
  }

  /**
   * Issues a certificate to every listed person of one province and year, inside the
   * caller's transaction (the audit filing's). Idempotent per person and year.
   */
  async issueCertificates(
    tx: DbOrTx,
    input: CertificateIssueInput,
  ): Promise<CertificateIssueResult> {
    const issuedAt = input.issuedAt ?? this.#deps.clock.now();
    const result = await issueCertificateBatch(this.#deps, tx, input, issuedAt);
    if (result.issued.length > 0) {
      await this.#deps.auditLog.record(
        {
          action: 'certificates.issued',
          targetType: 'org',
          targetId: input.provinceId,
          orgPath: result.provincePath,
          details: {
            year: input.year,
            issued: result.issued.length,
            existing: result.existing.length,
          },
        },
        tx,
      );
    }
    // Set-based: one statement for the whole filing's new certificates.
    await this.#deps.notifications?.notifyPeople(
      tx,
      result.issued.map((c) => ({
        personId: c.personId,
        kind: 'certificate_issued',
        dedupeKey: `certificate:${c.serial}:issued`,
        params: { year: input.year, serial: c.serial },
        link: '/me/certificates',
      })),
    );
    return { issued: result.issued, existing: result.existing };
  }

  /**
   * Revokes a person's certificate of a year (fraud), inside the caller's transaction.
   * Answers the certificate, or null when there is none; revoking twice keeps the first date.
   */
  async revokeCertificate(tx: DbOrTx, input: CertificateRevokeInput): Promise<Certificate | null> {
    const revoked = await this.#deps.repository.revoke(
      tx,
      input.personId,
      input.year,
      input.at,
      input.reason,
    );
    if (!revoked) {
      const existing = await this.#deps.repository.findByPersonYear(tx, input.personId, input.year);
      return existing ? toCertificate(existing, this.#deps.publicBaseUrl) : null;
    }
    const event: Partial<AuditEvent> = {
      targetType: 'certificate',
      targetId: revoked.serial,
      orgPath: revoked.unitPath,
      details: { year: input.year, personId: input.personId, reason: input.reason },
    };
    await this.#deps.auditLog.record(
      input.actor
        ? actorEvent(input.actor, 'certificate.revoked', input.ip ?? '', event)
        : { action: 'certificate.revoked', ...event },
      tx,
    );
    await this.#deps.notifications?.notifyPeople(tx, [
      {
        personId: input.personId,
        kind: 'certificate_revoked',
        dedupeKey: `certificate:${revoked.serial}:revoked`,
        params: { year: input.year, serial: revoked.serial, reason: input.reason },
        link: '/me/certificates',
      },
    ]);
    return toCertificate(revoked, this.#deps.publicBaseUrl);
  }

  /** A province admin voids a certificate by serial, and the HR platform is told. */
  async revokeBySerial(
    actor: Actor,
    serialInput: string,
    reason: string,
    ip: string,
  ): Promise<Certificate> {
    const row = await this.findForActor(actor, serialInput, 'certificate:manage');
    return this.#deps.db.transaction(async (tx) => {
      const at = this.#deps.clock.now();
      const certificate = await this.revokeCertificate(tx, {
        personId: row.personId,
        year: row.year,
        reason,
        at,
        actor,
        ip,
      });
      if (!certificate) throw new Error('certificate vanished');
      if (row.revokedAt === null) {
        await this.#deps.hrPush.enqueueHrPush(tx, {
          provinceId: row.provinceId,
          kind: 'certificate_revoked',
          payload: {
            serial: row.serial,
            year: row.year,
            personId: row.personId,
            revokedAt: at.toISOString(),
            reason,
          },
        });
      }
      return certificate;
    });
  }

  /**
   * Public: is this a certificate we issued, unaltered, and not revoked? An altered one
   * shows nothing of its stored data: that data is what no longer matches the signature.
   */
  async verify(serialInput: string): Promise<CertificateVerification> {
    const keysUrl = `${this.#deps.publicBaseUrl}/api/v1/certificates/keys`;
    const parsed = parseCertificateSerial(serialInput);
    const row = parsed
      ? await this.#deps.repository.countVerification(
          this.#deps.db,
          parsed.serial,
          this.#deps.clock.now(),
        )
      : undefined;
    if (!row) {
      const serial = parsed?.serial ?? serialInput.slice(0, 40);
      return { valid: false, status: 'unknown', revoked: false, serial, keysUrl };
    }
    const signatureOk = this.isUntampered(row);
    const revoked = row.revokedAt !== null;
    const revocation = row.revokedAt
      ? {
          revokedAt: row.revokedAt.toISOString(),
          ...(row.revokedReason ? { revokedReason: row.revokedReason } : {}),
        }
      : {};
    if (!signatureOk)
      return {
        valid: false,
        status: 'altered',
        revoked,
        ...revocation,
        serial: row.serial,
        keysUrl,
      };
    return {
      valid: !revoked,
      status: revoked ? 'revoked' : 'valid',
      revoked,
      ...revocation,
      serial: row.serial,
      year: row.year,
      holder: { name: maskPersonName(row.holderName), idNumberMasked: row.holderIdMasked },
      credits: { total: row.totalCredits, byClass: row.classCredits },
      hoursEquivalent: row.hoursEquivalent,
      issuer: row.issuerName,
      issuedOn: row.issuedOn,
      signedAt: row.issuedAt.toISOString(),
      keyId: row.keyId,
      keysUrl,
    };
  }

  /** Public: the Open Badges Profile a credential's `issuer.id` resolves to; else 404. */
  async issuerProfile(provinceCode: string): Promise<{ [key: string]: JsonValue }> {
    const issuer = await this.#issuer(provinceCode);
    return buildIssuerProfile({ publicBaseUrl: this.#deps.publicBaseUrl, ...issuer });
  }

  /** Public: the Achievement a credential's `achievement.id` resolves to; else 404. */
  async achievement(provinceCode: string, year: number): Promise<{ [key: string]: JsonValue }> {
    const issuer = await this.#issuer(provinceCode);
    return buildAchievement({ publicBaseUrl: this.#deps.publicBaseUrl, ...issuer, year });
  }

  async #issuer(provinceCode: string) {
    const issuer = await this.#deps.repository.issuerOf(this.#deps.db, provinceCode);
    if (!issuer)
      throw new AppError(
        'not_found',
        'No province with this region code issues certificates here',
        {
          provinceCode,
        },
      );
    return issuer;
  }

  async publicKeys(): Promise<CertificateKeys> {
    return this.#deps.keys.publish(await this.#deps.repository.provinceCodes(this.#deps.db));
  }

  /** The holder, or an admin with `permission` over the certificate's unit; else 404. */
  async findForActor(
    actor: Actor,
    serialInput: string,
    permission: 'certificate:read' | 'certificate:manage' = 'certificate:read',
  ): Promise<CertificateRow> {
    const parsed = parseCertificateSerial(serialInput);
    const row = parsed
      ? await this.#deps.repository.findBySerial(this.#deps.db, parsed.serial)
      : undefined;
    return visibleOr404(row, certificatePolicy[permission], actor, {
      what: 'certificate',
      details: { serial: serialInput.slice(0, 40) },
    });
  }

  async get(actor: Actor, serial: string): Promise<Certificate> {
    return toCertificate(await this.findForActor(actor, serial), this.#deps.publicBaseUrl);
  }

  /** The PDF, only from a payload whose stored signature still verifies (else 409). */
  async pdf(
    actor: Actor,
    serial: string,
    ip: string | null,
  ): Promise<{ serial: string; pdf: Buffer }> {
    const row = await this.#untampered(actor, serial, ip, 'pdf');
    return { serial: row.serial, pdf: await this.storedPdfOf(row) };
  }

  pdfOf(row: CertificateRow): Promise<Buffer> {
    return renderCertificatePdf(factsOf(row), verifyUrlOf(this.#deps.publicBaseUrl, row.serial));
  }

  /**
   * The stored PDF of a certificate whose signature was checked, else rendered afresh: the
   * same bytes, since rendering is deterministic (a missing or damaged file is no loss).
   */
  async storedPdfOf(row: CertificateRow, sha256?: string | null): Promise<Buffer> {
    const hash =
      sha256 === undefined ? (await this.#deps.pdfs.find(this.#deps.db, row.id))?.sha256 : sha256;
    const stored = hash ? await this.#deps.pdfStore.get(hash) : null;
    if (stored) return stored;
    const rendered = await this.pdfOf(row);
    // A recorded file gone missing (a restore elsewhere, a wiped disk) is written back.
    if (hash && sha256Hex(rendered) === hash) await this.#deps.pdfStore.put(rendered, hash);
    return rendered;
  }

  /**
   * Queues the job that stores the PDFs of a year's certificates in a subtree (the actor's
   * first managed one unless an organisation is named), rendered on every core.
   */
  async startPdfJob(actor: Actor, input: { year: number; orgId?: string | undefined }) {
    const root =
      input.orgId === undefined
        ? pdfJobRootOf(actor)
        : (await this.#deps.orgs.findAny(input.orgId))?.path;
    const org = visibleOr404(
      root === undefined ? undefined : { path: root },
      canIssuePdfsIn,
      actor,
      {
        what: 'organisation',
        details: { orgId: input.orgId ?? null },
      },
    );
    return this.#deps.jobs.enqueue(actor, {
      kind: 'certificate_pdfs',
      orgPath: org.path,
      params: { year: input.year, orgPath: org.path },
    });
  }

  /** The PDF job's handler (`certificate_pdfs`). */
  runPdfJob(job: JobContext): Promise<PdfJobResult> {
    const { db, clock, keys, publicBaseUrl, pdfs, pdfStore, pdfWorkers } = this.#deps;
    return runPdfJob({ db, clock, keys, publicBaseUrl, pdfs, store: pdfStore, pdfWorkers }, job);
  }

  /** A unit's valid certificates of a year as one zip, streamed (an admin over the unit). */
  async unitZip(actor: Actor, unitId: string, year: number, ip: string | null) {
    const unit = visibleOr404(await this.#deps.orgs.findAny(unitId), canListCertificatesOf, actor, {
      what: 'organisation',
      details: { unitId },
    });
    // A city or district picked in the register's filter holds no certificates of its own:
    // say so rather than send an empty zip.
    if (unit.kind !== 'unit')
      throw new AppError('validation_failed', 'unitId: not a unit', undefined, [
        { path: 'unitId', message: '请选择一个单位：证书按单位打包下载' },
      ]);
    const stream = unitCertificatesZip(
      {
        db: this.#deps.db,
        pdfs: this.#deps.pdfs,
        pdfOf: (row, sha256) => this.storedPdfOf(row, sha256),
        isUntampered: (row) => this.isUntampered(row),
        onTampered: (row) => this.#recordTampered(actor, row, ip, 'zip'),
      },
      unit,
      year,
    );
    return { unit, stream };
  }

  /**
   * The signed Open Badge, only from a payload whose stored signature still verifies:
   * signing an altered row afresh would launder it (else 409).
   */
  async badge(actor: Actor, serial: string, ip: string | null) {
    const row = await this.#untampered(actor, serial, ip, 'badge');
    return {
      serial: row.serial,
      badge: signedOpenBadge(row, this.#deps.keys, this.#deps.publicBaseUrl),
    };
  }

  /** Whether a stored certificate still matches its signature (what `verify` checks). */
  isUntampered(row: CertificateRow): boolean {
    return this.#deps.keys.verify(row.keyId, signedBytesOf(row), row.signature);
  }

  /**
   * The certificate to re-serve, its signature checked first. An altered row is refused
   * with `certificate_tampered` and written to the audit log (who asked, for what); the
   * error handler raises the alarm in the server log, with the serial only.
   */
  async #untampered(
    actor: Actor,
    serial: string,
    ip: string | null,
    asked: 'pdf' | 'badge',
  ): Promise<CertificateRow> {
    const row = await this.findForActor(actor, serial);
    if (this.isUntampered(row)) return row;
    await this.#recordTampered(actor, row, ip, asked);
    throw new AppError(
      'certificate_tampered',
      'This certificate’s stored data no longer matches its signature: it is not served. The province’s CME office has been alerted.',
      { serial: row.serial },
    );
  }

  async #recordTampered(
    actor: Actor,
    row: CertificateRow,
    ip: string | null,
    asked: 'pdf' | 'badge' | 'zip',
  ): Promise<void> {
    const extension = { pdf: 'pdf', badge: 'badge.json', zip: 'pdf (unit zip)' }[asked];
    await this.#deps.auditLog.record(
      actorEvent(actor, 'certificate.tampered', ip, {
        targetType: 'certificate',
        targetId: row.serial,
        orgPath: row.unitPath,
        details: {
          serial: row.serial,
          year: row.year,
          fileName: `certificate-${row.serial}.${extension}`,
        },
      }),
    );
  }

  /** The learner's own certificates, newest year first. */
  async mine(actor: Actor): Promise<CertificateList> {
    const rows = await this.#deps.repository.page(this.#deps.db, {
      ownerUserId: actor.userId,
      limit: 200,
    });
    rows.sort((a, b) => b.year - a.year || a.serial.localeCompare(b.serial));
    return { items: rows.map((r) => toCertificate(r, this.#deps.publicBaseUrl)), nextCursor: null };
  }

  /** The register: certificates of the actor's subtree, filtered, by serial. */
  list(actor: Actor, query: CertificateListQuery): Promise<CertificateRegister> {
    return listCertificates(this.#deps, actor, query);
  }

  /** Every certificate the register shows for a filter, page by page (the xlsx export). */
  async *iterate(actor: Actor, query: CertificateFilter): AsyncGenerator<CertificateRegisterItem> {
    let after: string | undefined;
    do {
      const page = await this.list(actor, { ...query, limit: 500, ...(after ? { after } : {}) });
      yield* page.items;
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  /** A person's certificate of a year (what a void would revoke), for the fraud workflow. */
  async ofPersonYear(personId: string, year: number): Promise<Certificate | null> {
    const row = await this.#deps.repository.findByPersonYear(this.#deps.db, personId, year);
    return row ? toCertificate(row, this.#deps.publicBaseUrl) : null;
  }
}
