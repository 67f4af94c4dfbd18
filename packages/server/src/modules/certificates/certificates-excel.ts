import type { Readable } from 'node:stream';
import type { CertificateFilter, CertificateRegisterItem } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { column, ok, workbookStream, writeSheet, type ExportRow } from '../../platform/excel';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { CertificatesService } from './certificates.service';

const textColumn = (header: string, width?: number) =>
  column({
    header,
    required: false,
    parse: (cell) => ok(String(cell)),
    isText: true,
    ...(width ? { width } : {}),
  });
const numberColumn = (header: string) =>
  column({ header, required: false, parse: (cell) => ok(Number(cell)) });

/** The export sheet of the certificate register (an export only: there is no import). */
export const certificateColumns = {
  serial: textColumn('证书编号', 26),
  holderName: textColumn('姓名'),
  holderIdNumberMasked: textColumn('身份证号', 22),
  unitName: textColumn('单位', 28),
  year: numberColumn('年度'),
  totalCredits: numberColumn('学分'),
  classI: numberColumn('I类学分'),
  classII: numberColumn('II类学分'),
  hoursEquivalent: numberColumn('折算学时'),
  issuerName: textColumn('发证机构', 30),
  issuedOn: textColumn('发证日期', 12),
  status: textColumn('状态'),
  revokedAt: textColumn('撤销时间', 22),
  revokedReason: textColumn('撤销原因', 30),
  verificationCount: numberColumn('核验次数'),
};
type CertificateColumns = typeof certificateColumns;

function toRow(c: CertificateRegisterItem): ExportRow<CertificateColumns> {
  return {
    serial: c.serial,
    holderName: c.holderName,
    holderIdNumberMasked: c.holderIdNumberMasked,
    unitName: c.unitName,
    year: c.year,
    totalCredits: c.credits.total,
    classI: c.credits.byClass.I,
    classII: c.credits.byClass.II,
    hoursEquivalent: c.hoursEquivalent ?? undefined,
    issuerName: c.issuerName,
    issuedOn: c.issuedOn,
    status: c.revoked ? '已撤销' : '有效',
    revokedAt: c.revokedAt ?? undefined,
    revokedReason: c.revokedReason ?? undefined,
    verificationCount: c.verificationCount,
  };
}

/** The register as xlsx for the list's filters (ID numbers masked). */
export async function exportCertificates(
  deps: { certificates: CertificatesService; auditLog: AuditLogService },
  actor: Actor,
  query: CertificateFilter,
  ip: string,
): Promise<Readable> {
  const items = deps.certificates.iterate(actor, query);
  const first = await items.next();
  await deps.auditLog.record(
    actorEvent(actor, 'certificates.exported', ip, { targetType: 'export', details: query }),
  );
  async function* rows() {
    if (first.done) return;
    yield toRow(first.value);
    for await (const c of items) yield toRow(c);
  }
  return workbookStream((stream) =>
    writeSheet(certificateColumns, rows(), stream, { sheetName: '合格证明' }),
  );
}
