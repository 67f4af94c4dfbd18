import type { FieldIssue } from '@jijiao/contracts';

const cjk = /[\u3400-\u9fff]/;

/**
 * The message to show under a field for a server issue. The server's own words when it
 * wrote them for people (Chinese, e.g. 校验位错误); otherwise a message naming the field,
 * because schema messages (`must be an 11-digit mobile number`) are written for developers.
 */
export function issueMessage(serverMessage: string, fallback: string): string {
  return cjk.test(serverMessage) ? serverMessage : fallback;
}

/**
 * Server issues grouped by the form field they name (`phone`, `steps.2` → `steps`); issues
 * about fields the form does not have are returned apart, to be shown above the form.
 */
export function issuesByField<F extends string>(
  issues: readonly FieldIssue[],
  fields: readonly F[],
): { byField: Map<F, string[]>; unmatched: FieldIssue[] } {
  const byField = new Map<F, string[]>();
  const unmatched: FieldIssue[] = [];
  for (const issue of issues) {
    const head = issue.path.split('.')[0] ?? '';
    const field = fields.find((f) => f === head);
    if (field === undefined) {
      unmatched.push(issue);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return { byField, unmatched };
}
