import { z } from 'zod';
import { versionSeenSchema } from './version-seen';
import { auditStatuses, unitReportStatuses, earlyAuditStatuses, auditRunStatuses } from './codes';
import { requirementSchema } from './learner-year';

export const auditStatusSchema = z.enum(auditStatuses);
export type AuditStatus = z.infer<typeof auditStatusSchema>;

export const unitReportStatusSchema = z.enum(unitReportStatuses);
export type UnitReportStatus = z.infer<typeof unitReportStatusSchema>;

export const earlyAuditStatusSchema = z.enum(earlyAuditStatuses);

export const auditRunStatusSchema = z.enum(auditRunStatuses);

const year = z.number().int().min(1990).max(2100);

export const auditOpenSchema = z.object({
  provinceId: z.uuid(),
  year,
  reportDeadline: z.iso.date().optional().describe('Units reporting after this day are late'),
  earlyDeadline: z.iso.date().optional().describe('Early audit requests close on this day'),
});
export type AuditOpen = z.infer<typeof auditOpenSchema>;

export const auditDeadlinesSchema = z.object({
  reportDeadline: z.iso.date().nullable().optional(),
  earlyDeadline: z.iso.date().nullable().optional(),
  version: versionSeenSchema,
});
export type AuditDeadlines = z.infer<typeof auditDeadlinesSchema>;

export const auditRunSchema = z.object({
  id: z.uuid(),
  auditId: z.uuid(),
  status: auditRunStatusSchema,
  total: z.number().int(),
  done: z.number().int(),
  compliant: z.number().int(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type AuditRun = z.infer<typeof auditRunSchema>;

export const auditSchema = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  provinceName: z.string(),
  year: z.number().int(),
  status: auditStatusSchema,
  reportDeadline: z.iso.date().nullable(),
  earlyDeadline: z.iso.date().nullable(),
  openedAt: z.iso.datetime(),
  filedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  lastRun: auditRunSchema.nullable(),
});
export type Audit = z.infer<typeof auditSchema>;
export const auditListSchema = z.object({ items: z.array(auditSchema) });
export type AuditList = z.infer<typeof auditListSchema>;

export const auditParamsSchema = z.object({ id: z.uuid() });
export const auditUnitParamsSchema = z.object({ id: z.uuid(), unitId: z.uuid() });
export const auditPersonParamsSchema = z.object({ id: z.uuid(), personId: z.uuid() });
export const earlyAuditParamsSchema = z.object({ id: z.uuid(), requestId: z.uuid() });

export const auditCreditReasonSchema = z.object({
  claimId: z.uuid(),
  credits: z.number(),
  class: z.string().nullable(),
  reasons: z.array(z.string()),
});

/** One person's audit result with the rules engine's reasons. */
export const auditResultSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitId: z.uuid(),
  compliant: z.boolean(),
  voided: z.boolean(),
  totalCredits: z.number(),
  classCredits: z.record(z.string(), z.number()),
  requirements: z.array(requirementSchema),
  credits: z.array(auditCreditReasonSchema),
  packs: z.array(z.object({ id: z.string(), version: z.string() })),
  note: z.string().nullable(),
  computedAt: z.iso.datetime(),
});
export type AuditResult = z.infer<typeof auditResultSchema>;

export const unitReportSchema = z.object({
  auditId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  cityName: z.string().nullable().describe('Null for units reporting straight to the province'),
  status: unitReportStatusSchema,
  chain: z.array(z.object({ orgId: z.uuid(), orgName: z.string() })),
  currentStep: z.number().int(),
  currentReviewerOrgId: z.uuid().nullable(),
  people: z.number().int(),
  compliant: z.number().int(),
  rate: z.number().describe('compliant / people, 0…1'),
  reportedAt: z.iso.datetime().nullable(),
  returnReason: z.string().nullable(),
  late: z.boolean(),
  version: z.number().int(),
});
export type UnitReport = z.infer<typeof unitReportSchema>;

export const unitAuditSchema = z.object({
  report: unitReportSchema,
  results: z.array(auditResultSchema),
});
export type UnitAudit = z.infer<typeof unitAuditSchema>;

export const auditNoteSchema = z.object({ note: z.string().max(500).nullable() });
export const versionBodySchema = z.object({ version: versionSeenSchema });
export const auditDecisionSchema = z.object({
  version: versionSeenSchema,
  reason: z.string().trim().min(1).max(500).optional(),
});
export type AuditDecision = z.infer<typeof auditDecisionSchema>;

export const reportListSchema = z.object({ items: z.array(unitReportSchema) });
export type ReportList = z.infer<typeof reportListSchema>;

export const cityProgressSchema = z.object({
  cityId: z.uuid().nullable(),
  cityName: z.string().nullable(),
  units: z.number().int(),
  reported: z.number().int().describe('Reported, approved or filed'),
  approved: z.number().int(),
  pending: z.number().int(),
  late: z.number().int(),
  people: z.number().int(),
  compliant: z.number().int(),
});
export const auditProgressSchema = z.object({
  audit: auditSchema,
  cities: z.array(cityProgressSchema),
  units: z.array(unitReportSchema),
});
export type AuditProgress = z.infer<typeof auditProgressSchema>;

export const earlyAuditCreateSchema = z.object({
  unitId: z.uuid(),
  personIds: z.array(z.uuid()).min(1).max(200),
  reason: z.string().trim().max(500).optional(),
});
export type EarlyAuditCreate = z.infer<typeof earlyAuditCreateSchema>;

export const earlyAuditSchema = z.object({
  id: z.uuid(),
  auditId: z.uuid(),
  year: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: earlyAuditStatusSchema,
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      compliant: z.boolean(),
      totalCredits: z.number(),
    }),
  ),
  currentStep: z.number().int(),
  currentReviewerOrgId: z.uuid().nullable(),
  returnReason: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type EarlyAudit = z.infer<typeof earlyAuditSchema>;
export const earlyAuditListSchema = z.object({ items: z.array(earlyAuditSchema) });

export const voidYearSchema = z.object({
  reason: z.string().trim().min(1).max(500).describe('e.g. 弄虚作假, with the finding'),
});
export const voidYearParamsSchema = z.object({
  personId: z.uuid(),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const voidYearResultSchema = z.object({
  personId: z.uuid(),
  year: z.number().int(),
  voidedClaims: z.number().int(),
  certificateRevoked: z.boolean(),
  certificateSerial: z.string().nullable().describe('The year’s certificate, now revoked'),
  hrDeliveryId: z.uuid().describe('The HR platform delivery queued (see the delivery log)'),
});
export type VoidYearResult = z.infer<typeof voidYearResultSchema>;

export const fileAuditResultSchema = z.object({
  audit: auditSchema,
  certificatesIssued: z.number().int(),
  certificatesExisting: z.number().int(),
  /** The queued job that makes the certificates' PDFs (follow it at /api/v1/jobs/:id). */
  pdfJobId: z.uuid().nullable(),
});
export type FileAuditResult = z.infer<typeof fileAuditResultSchema>;
