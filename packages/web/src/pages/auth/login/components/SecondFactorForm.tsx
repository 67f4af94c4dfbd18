import { useState } from 'react';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Me, SecondFactorChallenge } from '@jijiao/contracts';
import { isApiError } from '../../../../api/errors';
import { signInSecondFactor } from '../../../../api/session';
import { Panel } from '../../../../components/Panel';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';

interface CodeForm {
  code?: string;
  recoveryCode?: string;
}

/**
 * The sign-in's second step: the authenticator app's six digits, or one recovery code. A
 * challenge that expired (or a lock) sends the user back to the password.
 */
export function SecondFactorForm({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: SecondFactorChallenge;
  onSignedIn: (me: Me) => void;
  onRestart: () => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<CodeForm>();
  const [useRecovery, setUseRecovery] = useState(false);
  const mutation = useMutation({
    mutationFn: (values: CodeForm) =>
      signInSecondFactor({
        challengeToken: challenge.challengeToken,
        ...(useRecovery
          ? { recoveryCode: values.recoveryCode?.trim() ?? '' }
          : { code: values.code?.trim() ?? '' }),
      }),
    onSuccess: onSignedIn,
    onError: () => {
      form.resetFields();
    },
  });
  const finished =
    mutation.error !== null &&
    (isApiError(mutation.error, 'second_factor_expired') ||
      isApiError(mutation.error, 'account_locked'));

  return (
    <Panel title={t('login.secondFactorHeading')} style={{ width: '100%', maxWidth: 400 }}>
      <Form<CodeForm>
        form={form}
        name="second-factor"
        layout="vertical"
        requiredMark={false}
        disabled={mutation.isPending || finished}
        onFinish={(values) => {
          mutation.mutate(values);
        }}
      >
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(t, mutation.error)}
            style={{ marginBottom: 16 }}
            data-testid="second-factor-error"
          />
        )}
        <p style={{ marginTop: 0 }}>
          {t(useRecovery ? 'login.recoveryHint' : 'login.secondFactorHint')}
        </p>
        {useRecovery ? (
          <Form.Item
            label={t('login.recoveryCode')}
            name="recoveryCode"
            rules={[{ required: true, whitespace: true, message: t('login.recoveryCodeRequired') }]}
          >
            <Input autoComplete="off" autoCapitalize="characters" spellCheck={false} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('login.code')}
            name="code"
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.codeRequired') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              data-testid="second-factor-code"
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {t('login.verify')}
        </Button>
      </Form>
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 12 }}>
        <Button
          type="link"
          style={{ paddingInline: 0 }}
          disabled={finished}
          onClick={() => {
            mutation.reset();
            form.resetFields();
            setUseRecovery(!useRecovery);
          }}
          data-testid="toggle-recovery-code"
        >
          {t(useRecovery ? 'login.useAuthenticator' : 'login.useRecoveryCode')}
        </Button>
        <Button type="link" style={{ paddingInline: 0 }} onClick={onRestart}>
          {t('login.back')}
        </Button>
      </Flex>
    </Panel>
  );
}
