/**
 * A credit claim's lifecycle (ADR 0007): draft → submitted at step 0 → approved at each step
 * of its chain in turn → effective; a reviewer may return it (the submitter corrects it and
 * resubmits: step 0 again) or reject it. Besides the review chain:
 * - `confirm`: an arrival that is effective by itself (a trusted platform, an approved award
 *   batch) is the same activity as a claim still pending: that claim becomes effective;
 * - `withdraw`: a host takes back a returned award line: its claim is voided, never counted;
 * - `void`: fraud (弄虚作假) voids any claim that is not already voided or rejected.
 */
export type ClaimStatusCode =
  'draft' | 'submitted' | 'returned' | 'rejected' | 'effective' | 'voided';
export type ClaimAction =
  'submit' | 'resubmit' | 'approve' | 'return' | 'reject' | 'void' | 'confirm' | 'withdraw';
/** What a claim's review history records: `confirm` and `withdraw` keep their older names. */
export type ClaimHistoryAction = Exclude<ClaimAction, 'confirm' | 'withdraw'>;
export type ClaimActionProblem = 'wrong_status' | 'empty_chain';

export interface ClaimState {
  status: ClaimStatusCode;
  /** 0-based index of the chain step whose reviewers act now. */
  currentStep: number;
  /** Number of steps in the claim's chain. */
  stepCount: number;
}

export type ClaimDecision =
  | { ok: true; next: { status: ClaimStatusCode; currentStep: number } }
  | { ok: false; problem: ClaimActionProblem };

const allowedFrom: Readonly<Record<ClaimAction, readonly ClaimStatusCode[]>> = {
  submit: ['draft'],
  resubmit: ['returned'],
  approve: ['submitted'],
  return: ['submitted'],
  reject: ['submitted'],
  void: ['draft', 'submitted', 'returned', 'effective'],
  confirm: ['draft', 'submitted', 'returned'],
  withdraw: ['returned'],
};

const recordedAs: Readonly<Record<ClaimAction, ClaimHistoryAction>> = {
  submit: 'submit',
  resubmit: 'resubmit',
  approve: 'approve',
  return: 'return',
  reject: 'reject',
  void: 'void',
  // A confirmation is an approval by the arriving channel; a withdrawal voids the claim.
  confirm: 'approve',
  withdraw: 'void',
};

/** The action a claim's history (and the audit log, as `credit.<action>`) records. */
export function historyActionOf(action: ClaimAction): ClaimHistoryAction {
  return recordedAs[action];
}

/** Whether a claim in this status can still change (voided and rejected are final). */
export function isClaimFinal(status: ClaimStatusCode): boolean {
  return status === 'voided' || status === 'rejected';
}

/** Whether the claim's owner (or the unit entering it) may still change its activity. */
export function isClaimEditable(status: ClaimStatusCode): boolean {
  return status === 'draft' || status === 'returned';
}

/** The state after `action`, or why it may not happen. */
export function decideClaimAction(state: ClaimState, action: ClaimAction): ClaimDecision {
  if (!allowedFrom[action].includes(state.status)) return { ok: false, problem: 'wrong_status' };
  switch (action) {
    case 'submit':
    case 'resubmit':
      // Without reviewers there is nobody to approve: the caller decides what that means.
      if (state.stepCount === 0) return { ok: false, problem: 'empty_chain' };
      return { ok: true, next: { status: 'submitted', currentStep: 0 } };
    case 'approve':
      return state.currentStep + 1 >= state.stepCount
        ? { ok: true, next: { status: 'effective', currentStep: state.currentStep } }
        : { ok: true, next: { status: 'submitted', currentStep: state.currentStep + 1 } };
    case 'return':
      return { ok: true, next: { status: 'returned', currentStep: state.currentStep } };
    case 'reject':
      return { ok: true, next: { status: 'rejected', currentStep: state.currentStep } };
    case 'void':
    case 'withdraw':
      return { ok: true, next: { status: 'voided', currentStep: state.currentStep } };
    case 'confirm':
      return { ok: true, next: { status: 'effective', currentStep: state.currentStep } };
  }
}
