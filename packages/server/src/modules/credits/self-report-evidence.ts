import {
  activityTypes,
  type ActivityType,
  type ClaimEvidence,
  type EvidenceChecklistItem,
  type EvidenceDocumentKind,
  type EvidenceDocuments,
  type EvidenceRef,
} from '@jijiao/contracts';
import { checkEvidenceDocuments, type EvidenceRules } from '@jijiao/domain';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { EvidenceService } from '../evidence/evidence.service';
import type { CreditIntake } from './credit-intake.service';
import type { ClaimView } from './credits.repository';

/** The id an activity is valued under before its claim exists (previews, checks). */
export const unsavedClaimId = '00000000-0000-4000-8000-000000000000';

/** The zh-CN names of the documents, for the message of a refusal (the web has its own labels). */
const documentNames: Readonly<Record<EvidenceDocumentKind, string>> = {
  credit_certificate: '学分证书',
  article_or_retrieval: '论文页面或检索报告',
  completion_certificate: '结业证书',
  dispatch_document: '派出文件',
  receiving_unit_evaluation: '接收单位考核/鉴定意见',
  platform_credit_screenshot: '学习平台学分截图',
  residency_assessment: '规培年度考核成绩',
  supporting_document: '证明材料',
};

interface Deps {
  db: Db;
  clock: Clock;
  intake: CreditIntake;
  evidence: EvidenceService;
}

/**
 * Refuses to submit a claim without the documents its activity type needs under the packs
 * (`rules.evidence`): 422 `evidence_required`, `details.missing` listing the document kinds
 * and an issue on `evidence` naming them in Chinese. Drafts may be saved without files; the
 * check is at submission.
 */
export function requireEvidenceDocuments(
  evidence: EvidenceRules,
  activityType: ActivityType,
  attachedKinds: readonly (EvidenceDocumentKind | null | undefined)[],
): void {
  const { missing } = checkEvidenceDocuments(
    evidence,
    activityType,
    attachedKinds.map((kind) => kind ?? null),
  );
  if (missing.length === 0) return;
  throw new AppError(
    'evidence_required',
    `evidence: a ${activityType} needs ${missing.join(', ')}`,
    { activityType, missing },
    [{ path: 'evidence', message: `缺少：${missing.map((k) => documentNames[k]).join('、')}` }],
  );
}

/** The refusal for a stored claim: its files' documents under the rules of its place and year. */
export async function requireEvidenceOfClaim(deps: Deps, v: ClaimView): Promise<void> {
  const rules = await deps.intake.evidenceRules(deps.db, v.personId, v.year);
  if (!rules) return;
  const files = await deps.evidence.ofClaim(deps.db, v.id);
  requireEvidenceDocuments(
    rules,
    v.activityType as ActivityType,
    files.map((f) => f.kind),
  );
}

/** The refusal before anything is stored: an activity to be submitted with these files. */
export async function requireEvidenceOfActivity(
  deps: Deps,
  claim: { personId: string; activity: unknown; files: readonly EvidenceRef[] },
): Promise<void> {
  const valued = await deps.intake.value(deps.db, claim.personId, unsavedClaimId, claim.activity);
  requireEvidenceDocuments(
    valued.rules.evidence,
    valued.activity.type,
    claim.files.map((f) => f.kind),
  );
}

/** The checklist reviewers see beside the files: each document asked for, ticked if attached. */
export async function evidenceChecklistOf(
  deps: Deps,
  v: ClaimView,
  files: readonly ClaimEvidence[],
  db: DbOrTx = deps.db,
): Promise<EvidenceChecklistItem[]> {
  const rules = await deps.intake.evidenceRules(db, v.personId, v.year);
  if (!rules) return [];
  return checkEvidenceDocuments(
    rules,
    v.activityType as ActivityType,
    files.map((f) => f.kind),
  ).items;
}

/** The documents of every activity type under a person's rules in a year (this year by default). */
export async function evidenceDocumentsOf(
  deps: Deps,
  personId: string,
  year = Number(chinaDay(deps.clock.now()).slice(0, 4)),
): Promise<EvidenceDocuments> {
  const rules = await deps.intake.evidenceRules(deps.db, personId, year);
  if (!rules) {
    throw new AppError('validation_failed', `year: no rules cover ${String(year)}`, undefined, [
      { path: 'year', message: '该年度没有适用的规则' },
    ]);
  }
  const documents = Object.fromEntries(
    activityTypes.map((type) => [type, rules[type].documents]),
  ) as EvidenceDocuments['documents'];
  return { year, documents };
}
