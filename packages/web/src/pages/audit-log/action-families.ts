/**
 * Families of audit-log actions (the part before the first dot), in the order the filter
 * offers them. An action outside these shows without a family label.
 */
export const actionFamilies = [
  'sign_in',
  'account',
  'password',
  'person',
  'people',
  'transfer',
  'org',
  'review_chain',
  'project',
  'credit',
  'credits',
  'award',
  'audit',
  'certificate',
  'certificates',
  'card',
  'card_order',
  'cards',
  'platform',
  'platform_key',
  'hr_push',
] as const;

export type ActionFamily = (typeof actionFamilies)[number];

export function familyOf(action: string): ActionFamily | undefined {
  const head = action.split('.')[0] ?? '';
  return (actionFamilies as readonly string[]).includes(head) ? (head as ActionFamily) : undefined;
}
