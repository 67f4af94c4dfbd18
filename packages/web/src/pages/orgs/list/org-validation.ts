import { parseCreditCode } from '@jijiao/domain';
import type { OrgKind } from '@jijiao/contracts';
import type { MessageKey } from '../../../i18n/message-key';

/** The problem of a typed unified social credit code; undefined when blank or valid. */
export function creditCodeProblem(value: string): MessageKey | undefined {
  if (value.trim() === '') return undefined;
  const result = parseCreditCode(value);
  return result.ok ? undefined : `creditCodeProblem.${result.problem}`;
}

export const regionCodePattern = /^\d{6}$/;

/** Bodies that review claims: commissions, associations and CME offices, not units or hosts. */
export const reviewingKinds: readonly OrgKind[] = [
  'province',
  'city',
  'district',
  'association',
  'cme_office',
];

export const maxReviewSteps = 6;

export interface ChainStep {
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
}

/** Moves step `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveStep<T>(steps: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const next = [...steps];
  const [a, b] = [next[index], next[target]];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[target] = a;
  return next;
}

/** Whether the edited chain differs from the one in force. */
export function chainChanged(current: readonly ChainStep[], edited: readonly ChainStep[]): boolean {
  return (
    current.length !== edited.length || current.some((step, i) => step.orgId !== edited[i]?.orgId)
  );
}
