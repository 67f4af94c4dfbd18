import { Alert, Button, Flex, Form, Input } from 'antd';
import type { SecondFactorProof } from '@jijiao/contracts';
import { proofOf } from '../../../../api';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';

/** The current app's code (or a recovery code) before replacing the app or turning it off. */
export function ProofForm({
  submitLabel,
  danger = false,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  error: Error | null;
  onSubmit: (proof: SecondFactorProof) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <Form<{ proof: string }>
      name="two-factor-proof"
      layout="vertical"
      requiredMark={false}
      disabled={pending}
      onFinish={(values) => {
        onSubmit(proofOf(values.proof));
      }}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(t, error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        label={t('twoFactor.proofTitle')}
        name="proof"
        rules={[{ required: true, whitespace: true, message: t('twoFactor.proofRequired') }]}
      >
        <Input
          autoComplete="one-time-code"
          spellCheck={false}
          style={{ maxWidth: 240 }}
          autoFocus
        />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" danger={danger} htmlType="submit" loading={pending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('twoFactor.cancel')}</Button>
      </Flex>
    </Form>
  );
}
