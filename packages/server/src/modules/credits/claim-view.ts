import type {
  ActivityType,
  Claim,
  ClaimEvidence,
  ClaimStatus,
  ClaimSummary,
  CreditChannel,
  EvidenceChecklistItem,
  ReviewAction,
} from '@jijiao/contracts';
import type { ClaimView, CreditsRepository } from './credits.repository';

type HistoryRow = Awaited<ReturnType<CreditsRepository['history']>>[number];
type ProvenanceRow = Awaited<ReturnType<CreditsRepository['provenances']>>[number];

export function toClaimSummary(v: ClaimView): ClaimSummary {
  return {
    id: v.id,
    personId: v.personId,
    personName: v.personName,
    unitId: v.unitId,
    unitName: v.unitName,
    channel: v.channel as CreditChannel,
    activityType: v.activityType as ActivityType,
    activityDate: v.activityDate,
    year: v.year,
    projectNumber: v.projectNumber,
    credits: v.credits,
    class: v.creditClass as 'I' | 'II' | null,
    status: v.status as ClaimStatus,
    currentStep: v.currentStep,
    currentReviewerOrgId: v.currentReviewerOrgId,
    currentReviewerOrgName: v.reviewerOrgName,
    submittedAt: v.submittedAt?.toISOString() ?? null,
    flagged: v.flagged,
    version: v.version,
  };
}

export interface ClaimDetailParts {
  chain: { orgId: string; orgName: string }[];
  evidence: ClaimEvidence[];
  evidenceChecklist: EvidenceChecklistItem[];
  provenances: ProvenanceRow[];
  history: HistoryRow[];
  canAct: boolean;
  canActFor: boolean;
  canEdit: boolean;
}

export function toClaim(v: ClaimView, parts: ClaimDetailParts): Claim {
  return {
    ...toClaimSummary(v),
    activity: v.activity,
    endDate: v.endDate,
    role: v.role,
    packVersions: v.packVersions,
    reasons: v.valuationReasons,
    chain: parts.chain.map((s, i) => ({ level: i + 1, ...s })),
    decidedAt: v.decidedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
    evidence: parts.evidence,
    evidenceChecklist: parts.evidenceChecklist,
    provenances: parts.provenances.map((p) => ({
      channel: p.channel as CreditChannel,
      sourceRef: p.sourceRef,
      receivedAt: p.receivedAt.toISOString(),
    })),
    history: parts.history.map((h) => ({
      action: h.review.action as ReviewAction,
      step: h.review.step,
      reviewerOrgName: h.reviewerOrgName,
      actorName: h.actorName,
      actedFor: h.review.actedFor,
      actorOrgName: h.actorOrgName,
      fromStatus: h.review.fromStatus as ClaimStatus | null,
      toStatus: h.review.toStatus as ClaimStatus,
      reason: h.review.reason,
      at: h.review.at.toISOString(),
    })),
    canAct: parts.canAct,
    canActFor: parts.canActFor,
    canEdit: parts.canEdit,
  };
}
