import { Alert } from 'antd';
import { errorText } from '../i18n/error-message';
import { useT } from '../i18n/use-t';

/** A failed submission's message above a form, unless its issues already sit on fields. */
export function FormError({ error, placed }: { error: unknown; placed: boolean }) {
  const { t } = useT();
  if (error === null || error === undefined || placed) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(t, error)}
      style={{ marginBottom: 16 }}
      data-testid="form-error"
    />
  );
}
