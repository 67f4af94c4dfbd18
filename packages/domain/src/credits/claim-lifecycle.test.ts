import { describe, expect, it } from 'vitest';
import {
  decideClaimAction,
  historyActionOf,
  isClaimEditable,
  isClaimFinal,
  type ClaimAction,
  type ClaimState,
} from './claim-lifecycle';

const at = (status: ClaimState['status'], currentStep = 0, stepCount = 3): ClaimState => ({
  status,
  currentStep,
  stepCount,
});

describe('decideClaimAction', () => {
  it.each([
    [at('draft'), 'submit', { status: 'submitted', currentStep: 0 }],
    [at('returned', 2), 'resubmit', { status: 'submitted', currentStep: 0 }],
    [at('submitted', 0), 'approve', { status: 'submitted', currentStep: 1 }],
    [at('submitted', 1), 'approve', { status: 'submitted', currentStep: 2 }],
    [at('submitted', 2), 'approve', { status: 'effective', currentStep: 2 }],
    [at('submitted', 0, 1), 'approve', { status: 'effective', currentStep: 0 }],
    [at('submitted', 1), 'return', { status: 'returned', currentStep: 1 }],
    [at('submitted', 1), 'reject', { status: 'rejected', currentStep: 1 }],
    [at('effective', 2), 'void', { status: 'voided', currentStep: 2 }],
    [at('draft'), 'void', { status: 'voided', currentStep: 0 }],
    [at('submitted', 1), 'void', { status: 'voided', currentStep: 1 }],
    [at('returned', 1), 'void', { status: 'voided', currentStep: 1 }],
    [at('draft'), 'confirm', { status: 'effective', currentStep: 0 }],
    [at('submitted', 1), 'confirm', { status: 'effective', currentStep: 1 }],
    [at('returned', 2), 'confirm', { status: 'effective', currentStep: 2 }],
    [at('returned', 1), 'withdraw', { status: 'voided', currentStep: 1 }],
  ] as const)('%o + %s → %o', (state, action, next) => {
    expect(decideClaimAction(state, action)).toEqual({ ok: true, next });
  });

  it.each([
    [at('draft'), 'approve'],
    [at('draft'), 'resubmit'],
    [at('submitted'), 'submit'],
    [at('returned'), 'approve'],
    [at('effective'), 'approve'],
    [at('effective'), 'return'],
    [at('rejected'), 'resubmit'],
    [at('voided'), 'void'],
    [at('rejected'), 'void'],
    [at('effective'), 'confirm'],
    [at('voided'), 'confirm'],
    [at('rejected'), 'confirm'],
    [at('submitted'), 'withdraw'],
    [at('effective'), 'withdraw'],
  ] as const)('%o + %s → wrong_status', (state, action) => {
    expect(decideClaimAction(state, action)).toEqual({ ok: false, problem: 'wrong_status' });
  });

  it('refuses to submit into an empty chain', () => {
    expect(decideClaimAction(at('draft', 0, 0), 'submit')).toEqual({
      ok: false,
      problem: 'empty_chain',
    });
  });

  it('records confirm as an approval and withdraw as a void; the rest by their names', () => {
    const actions: ClaimAction[] = [
      'submit',
      'resubmit',
      'approve',
      'return',
      'reject',
      'void',
      'confirm',
      'withdraw',
    ];
    expect(actions.map(historyActionOf)).toEqual([
      'submit',
      'resubmit',
      'approve',
      'return',
      'reject',
      'void',
      'approve',
      'void',
    ]);
  });

  it('holds voided and rejected claims final', () => {
    expect(
      (['draft', 'submitted', 'returned', 'effective', 'voided', 'rejected'] as const).map(
        isClaimFinal,
      ),
    ).toEqual([false, false, false, false, true, true]);
  });

  it('lets only drafts and returned claims be edited', () => {
    expect(
      ['draft', 'returned', 'submitted', 'effective'].map((s) => isClaimEditable(s as never)),
    ).toEqual([true, true, false, false]);
  });
});
