import type { FileAuditResult } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { auditFor, auditView, staleAudit } from './audit-access';
import type { AuditDeps } from './audit-deps';
import type { AuditRow } from './audit-records.repository';

/** HR push messages carry at most this many people each. */
const pushChunk = 1000;

/**
 * The province files the audit (备案) once every unit report is approved: certificates
 * for every compliant person (the certificates service, in this transaction), the job that
 * makes their PDFs queued, and the results queued for the HR platform.
 */
export async function fileAudit(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  version: number,
  ip: string,
): Promise<FileAuditResult> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:manage');
  if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed already');
  const { db, repository, clock, hrPush } = deps;
  const result = await db.transaction(async (tx) => {
    const now = clock.now();
    // The audit's row first: a concurrent filing waits here, then finds it stale.
    const filed = await repository.records.updateAuditIfVersion(tx, audit.id, version, {
      status: 'filed',
      filedAt: now,
      filedBy: actor.userId,
    });
    if (!filed) throw staleAudit(audit);
    const reports = await repository.reports.reportsOf(tx, audit.id);
    const notApproved = reports.filter((r) => r.status !== 'approved');
    if (reports.length === 0 || notApproved.length > 0) {
      throw new AppError('invalid_state', 'Every unit report must be approved before filing', {
        units: reports.length,
        notApproved: notApproved.length,
      });
    }
    await repository.reports.fileReports(tx, audit.id, now);
    const issued = await issueFor(deps, tx, audit, province.id);
    // Their PDFs are made in the background on every core (ADR 0036), so that the
    // downloads and the units' zips that follow the filing find them stored (not for
    // the CLI, which has no account to own the job).
    const pdfJob =
      issued.all.length > 0
        ? await deps.certificates.queuePdfJob(tx, actor, {
            year: audit.year,
            orgPath: province.path,
          })
        : null;
    for (let i = 0; i < issued.all.length; i += pushChunk) {
      await hrPush.enqueueHrPush(tx, {
        provinceId: province.id,
        kind: 'audit_filed',
        payload: {
          auditId: audit.id,
          year: audit.year,
          part: i / pushChunk + 1,
          parts: Math.ceil(issued.all.length / pushChunk),
          certificates: issued.all.slice(i, i + pushChunk),
        },
      });
    }
    await deps.auditLog.record(
      actorEvent(actor, 'audit.filed', ip, {
        targetType: 'audit',
        targetId: audit.id,
        orgPath: province.path,
        details: { year: audit.year, issued: issued.issued, existing: issued.existing },
      }),
      tx,
    );
    return { filed, issued, pdfJob };
  });
  return {
    audit: await auditView(deps, result.filed, province),
    certificatesIssued: result.issued.issued,
    certificatesExisting: result.issued.existing,
    pdfJobId: result.pdfJob?.jobId ?? null,
  };
}

/** Certificates for the compliant, not voided people of the audit (or the named ones). */
async function issueFor(
  deps: AuditDeps,
  tx: DbOrTx,
  audit: AuditRow,
  provinceId: string,
  personIds?: readonly string[],
) {
  const rows = await deps.repository.results.compliantResults(tx, audit.id, personIds);
  const out = await deps.certificates.issueCertificates(tx, {
    provinceId,
    year: audit.year,
    people: rows.map((r) => ({
      personId: r.personId,
      unitId: r.unitId,
      totalCredits: r.totalCredits,
      classCredits: r.classCredits,
      packs: r.packVersions,
      hoursEquivalent: r.certificateHours && r.certificateHours > 0 ? r.certificateHours : null,
    })),
  });
  return {
    issued: out.issued.length,
    existing: out.existing.length,
    all: [...out.issued, ...out.existing],
  };
}
