import type { FormInstance } from 'antd';
import { isApiError } from '../api';
import type { Translate } from '../i18n/use-t';
import { issueMessage, issuesByField } from './server-issues';

/**
 * Puts an error's field issues under the fields they name: `validation_failed`, and also
 * `conflict` (该身份证号已登记 on idNumber, 项目编号已存在 on number). Returns true when every
 * issue found its field (nothing else to show), false otherwise: the caller then shows the
 * error above the form.
 */
export function applyServerErrors<F extends string>(
  form: FormInstance,
  error: unknown,
  labels: Readonly<Record<F, string>>,
  t: Translate,
): boolean {
  if (!isApiError(error) || error.issues.length === 0) return false;
  const fields = Object.keys(labels) as F[];
  const { byField, unmatched } = issuesByField(error.issues, fields);
  form.setFields(
    [...byField].map(([name, messages]) => ({
      name,
      errors: messages.map((m) => issueMessage(m, t('form.invalidField', { field: labels[name] }))),
    })),
  );
  return byField.size > 0 && unmatched.length === 0;
}
