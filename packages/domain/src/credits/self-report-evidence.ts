import type { EvidenceRules } from '../rules/policy-schema';
import type { ActivityType, EvidenceDocumentKind } from '../rules/vocabulary';

/** One document a claim must carry, and whether a file attached says it is that document. */
export interface EvidenceChecklistItem {
  kind: EvidenceDocumentKind;
  attached: boolean;
}

export interface EvidenceChecklist {
  items: EvidenceChecklistItem[];
  /** The documents still missing, in the pack's order; empty when the claim may go. */
  missing: EvidenceDocumentKind[];
}

/**
 * The checklist of a claim's evidence: each document the pack asks for this activity type
 * (`rules.evidence`), ticked when at least one attached file is that document. Files that
 * say no document, or one the type does not need, tick nothing.
 */
export function checkEvidenceDocuments(
  evidence: EvidenceRules,
  activityType: ActivityType,
  attachedKinds: readonly (EvidenceDocumentKind | null)[],
): EvidenceChecklist {
  const attached = new Set(attachedKinds);
  const items = evidence[activityType].documents.map((kind) => ({
    kind,
    attached: attached.has(kind),
  }));
  return { items, missing: items.filter((i) => !i.attached).map((i) => i.kind) };
}
