import { auditActions, type AuditAction } from '@jijiao/contracts';

type FamilyOf<A> = A extends `${infer Family}.${string}` ? Family : never;
/** The part of an action before its first dot (`sign_in` of `sign_in.failed`). */
export type ActionFamily = FamilyOf<AuditAction>;

/**
 * Families of audit-log actions, in the contracts' order, as the filter offers them. An
 * action outside these shows without a family label.
 */
export const actionFamilies: readonly ActionFamily[] = [
  ...new Set(
    auditActions.flatMap((action): ActionFamily[] => {
      const dot = action.indexOf('.');
      return dot < 0 ? [] : [action.slice(0, dot) as ActionFamily];
    }),
  ),
];

export function familyOf(action: string): ActionFamily | undefined {
  const head = action.split('.')[0] ?? '';
  return (actionFamilies as readonly string[]).includes(head) ? (head as ActionFamily) : undefined;
}
