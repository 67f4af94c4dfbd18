/**
 * A credit claim's lifecycle (ADR 0007): draft → submitted at step 0 → approved at each step
 * of its chain in turn → effective; a reviewer may return it (the submitter corrects it and
 * resubmits: step 0 again) or reject it; an effective claim can be voided (fraud).
 */
export type ClaimStatusCode =
  'draft' | 'submitted' | 'returned' | 'rejected' | 'effective' | 'voided';
export type ClaimAction = 'submit' | 'resubmit' | 'approve' | 'return' | 'reject' | 'void';
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
  void: ['effective'],
};

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
      return { ok: true, next: { status: 'voided', currentStep: state.currentStep } };
  }
}
