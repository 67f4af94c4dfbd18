import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Enrolment } from '@jijiao/contracts';
import { confirmTwoFactorEnrolment } from '../../../../api';
import { CopyButton } from '../../../../components/CopyButton';
import { QrCode } from '../../../../components/QrCode';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';

/** The secret in groups of four, as authenticator apps print it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Scan (or type) the secret, then the app's first code turns two-step verification on. */
export function EnrolmentSteps({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: Enrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ code: string }>();
  const confirm = useMutation({
    mutationFn: confirmTwoFactorEnrolment,
    onSuccess: (confirmed) => {
      onConfirmed(confirmed.recoveryCodes);
    },
    onError: () => {
      form.resetFields();
    },
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('twoFactor.stepScan')}
      </Typography.Title>
      <Flex justify="center">
        <QrCode
          text={enrolment.otpauthUri}
          size={200}
          label={t('twoFactor.qrAlt')}
          data-testid="two-factor-qr"
        />
      </Flex>
      <div>
        <Typography.Text type="secondary">{t('twoFactor.manualEntry')}</Typography.Text>
        <div style={{ marginTop: 4, wordBreak: 'break-all' }}>
          <Typography.Text strong>{t('twoFactor.secretLabel')}: </Typography.Text>
          <code data-testid="two-factor-secret" data-secret={enrolment.secret}>
            {grouped(enrolment.secret)}
          </code>
          <CopyButton text={enrolment.secret} />
        </div>
      </div>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('twoFactor.stepConfirm')}
      </Typography.Title>
      {confirm.isError && (
        <Alert type="error" showIcon role="alert" title={errorText(t, confirm.error)} />
      )}
      <Form<{ code: string }>
        form={form}
        name="two-factor-confirm"
        layout="vertical"
        requiredMark={false}
        disabled={confirm.isPending}
        onFinish={(values) => {
          confirm.mutate({ code: values.code.trim() });
        }}
      >
        <Form.Item
          label={t('twoFactor.code')}
          name="code"
          rules={[
            { required: true, pattern: /^\s*\d{6}\s*$/, message: t('twoFactor.codeRequired') },
          ]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ maxWidth: 200 }}
            data-testid="two-factor-code"
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={confirm.isPending}>
            {t('twoFactor.confirm')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('twoFactor.cancel')}</Button>}
        </Flex>
      </Form>
    </Flex>
  );
}
