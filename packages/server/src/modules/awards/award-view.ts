import type {
  AwardBatch,
  AwardBatchSummary,
  AwardLine,
  AwardLineSource,
  AwardLineStatus,
  AwardRole,
  CreditChannel,
} from '@jijiao/contracts';
import type { BatchView, LineView } from './awards.repository';

export interface LineStats {
  lines: number;
  pending: number;
  returned: number;
  credits: number;
}

export function toAwardLine(v: LineView): AwardLine {
  return {
    id: v.id,
    lineNo: v.lineNo,
    personId: v.personId,
    personName: v.personName,
    idNumberMasked: v.idNumberMasked,
    unitName: v.unitName,
    role: v.role as AwardRole,
    hours: v.hours,
    awardedCredits: v.awardedCredits,
    sessionsAttended: v.sessionsAttended,
    credits: v.credits,
    class: v.creditClass as 'I' | 'II' | null,
    packVersions: v.packVersions,
    reasons: v.valuationReasons,
    source: v.source as AwardLineSource,
    status: (v.claimStatus ?? 'draft') as AwardLineStatus,
    claimId: v.claimId,
    matched: v.matched,
    matchedChannel: v.matched ? (v.claimChannel as CreditChannel | null) : null,
    returnReason: v.returnReason,
  };
}

export function statsOf(lines: readonly LineView[]): LineStats {
  return {
    lines: lines.length,
    pending: lines.filter((l) => l.claimStatus === 'submitted').length,
    returned: lines.filter((l) => l.claimStatus === 'returned').length,
    credits: Math.round(lines.reduce((s, l) => s + l.credits, 0) * 10) / 10,
  };
}

export function toBatchSummary(v: BatchView, stats: LineStats | undefined): AwardBatchSummary {
  return {
    id: v.id,
    projectId: v.projectId,
    projectNumber: v.projectNumber,
    projectName: v.projectName,
    hostOrgId: v.hostOrgId,
    hostName: v.hostName,
    status: v.status as AwardBatchSummary['status'],
    source: v.source as AwardBatchSummary['source'],
    lineCount: stats?.lines ?? 0,
    pendingCount: stats?.pending ?? 0,
    returnedCount: stats?.returned ?? 0,
    totalCredits: stats?.credits ?? 0,
    createdAt: v.createdAt.toISOString(),
    submittedAt: v.submittedAt?.toISOString() ?? null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    version: v.version,
  };
}

export function toBatch(
  v: BatchView,
  lines: readonly LineView[],
  can: { edit: boolean; review: boolean },
): AwardBatch {
  return {
    ...toBatchSummary(v, statsOf(lines)),
    projectStatus: v.projectStatus,
    lines: lines.map(toAwardLine),
    canEdit: can.edit,
    canReview: can.review,
  };
}
