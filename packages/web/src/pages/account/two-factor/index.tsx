import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Enrolment, SecondFactorProof } from '@jijiao/contracts';
import { disableTwoFactor, fetchTwoFactorStatus, startTwoFactorEnrolment } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { PageError, PageLoading } from '../../../components/PageState';
import { useFeedback } from '../../../components/feedback';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { meQueryKey } from '../../../session/queries';
import { formatDateTime } from '../../../utils/format';
import { EnrolmentSteps } from './components/EnrolmentSteps';
import { ProofForm } from './components/ProofForm';
import { RecoveryCodes } from './components/RecoveryCodes';

const statusKey = ['me', 'two-factor'] as const;

type Step =
  | { kind: 'status' }
  | { kind: 'proof'; then: 'replace' | 'disable' }
  | { kind: 'enrol'; enrolment: Enrolment }
  | { kind: 'codes'; codes: string[] };

/**
 * 两步验证: the account's security section. Shows whether the authenticator app is on, sets
 * it up (QR code, key, first code, recovery codes), replaces or turns it off with a current
 * code. A role that requires it lands here until it is set up (SessionGuard).
 */
export function TwoFactorPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const status = useQuery({ queryKey: statusKey, queryFn: fetchTwoFactorStatus });
  const [step, setStep] = useState<Step>({ kind: 'status' });

  const start = useMutation({
    mutationFn: startTwoFactorEnrolment,
    onSuccess: (enrolment) => {
      setStep({ kind: 'enrol', enrolment });
    },
  });
  const disable = useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: async () => {
      message.success(t('twoFactor.disabled'));
      setStep({ kind: 'status' });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: statusKey }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });

  if (status.isPending) return <PageLoading />;
  if (status.isError)
    return <PageError error={status.error} onRetry={() => void status.refetch()} />;
  const { enrolled, required, confirmedAt, recoveryCodesLeft } = status.data;
  const backToStatus = () => {
    start.reset();
    disable.reset();
    setStep({ kind: 'status' });
  };

  const body = (() => {
    switch (step.kind) {
      case 'enrol':
        return (
          <EnrolmentSteps
            enrolment={step.enrolment}
            onConfirmed={(codes) => {
              setStep({ kind: 'codes', codes });
              // The session rotated; the fresh /me (and status) say the app is on.
              void queryClient.invalidateQueries({ queryKey: statusKey });
              void queryClient.invalidateQueries({ queryKey: meQueryKey });
            }}
            // Who must enrol has nowhere else to go: no way out of the set-up.
            {...(required && !enrolled ? {} : { onCancel: backToStatus })}
          />
        );
      case 'codes':
        return (
          <RecoveryCodes
            codes={step.codes}
            onDone={() => {
              if (required) void navigate('/', { replace: true });
              else backToStatus();
            }}
          />
        );
      case 'proof':
        return step.then === 'replace' ? (
          <ProofForm
            submitLabel={t('twoFactor.continue')}
            pending={start.isPending}
            error={start.error}
            onSubmit={(proof: SecondFactorProof) => {
              start.mutate(proof);
            }}
            onCancel={backToStatus}
          />
        ) : (
          <ProofForm
            submitLabel={t('twoFactor.disable')}
            danger
            pending={disable.isPending}
            error={disable.error}
            onSubmit={(proof: SecondFactorProof) => {
              disable.mutate(proof);
            }}
            onCancel={backToStatus}
          />
        );
      case 'status':
        return (
          <Flex vertical gap={16}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('twoFactor.statusLabel')}>
                <Tag color={enrolled ? 'green' : 'default'} data-testid="two-factor-status">
                  {t(enrolled ? 'twoFactor.statusOn' : 'twoFactor.statusOff')}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('twoFactor.requiredLabel')}>
                {t(required ? 'twoFactor.requiredYes' : 'twoFactor.requiredNo')}
              </Descriptions.Item>
              {enrolled && (
                <Descriptions.Item label={t('twoFactor.enabledSince')}>
                  {formatDateTime(confirmedAt)}
                </Descriptions.Item>
              )}
              {enrolled && (
                <Descriptions.Item label={t('twoFactor.recoveryLeft')}>
                  {t('twoFactor.recoveryLeftValue', { count: recoveryCodesLeft })}
                </Descriptions.Item>
              )}
            </Descriptions>
            {start.isError && (
              <Alert type="error" showIcon role="alert" title={errorText(t, start.error)} />
            )}
            <Flex gap={8} wrap>
              {enrolled ? (
                <Button
                  onClick={() => {
                    setStep({ kind: 'proof', then: 'replace' });
                  }}
                >
                  {t('twoFactor.replace')}
                </Button>
              ) : (
                <Button
                  type="primary"
                  loading={start.isPending}
                  onClick={() => {
                    start.mutate({});
                  }}
                  data-testid="two-factor-start"
                >
                  {t('twoFactor.setUp')}
                </Button>
              )}
              {enrolled && !required && (
                <Button
                  danger
                  onClick={() => {
                    setStep({ kind: 'proof', then: 'disable' });
                  }}
                >
                  {t('twoFactor.disable')}
                </Button>
              )}
            </Flex>
          </Flex>
        );
    }
  })();

  return (
    <Card style={{ maxWidth: 640, width: '100%' }}>
      <PageHeader title={t('twoFactor.title')} />
      {required && !enrolled && step.kind !== 'codes' && (
        <Alert
          type="warning"
          showIcon
          title={t('twoFactor.required')}
          style={{ marginBottom: 16 }}
          data-testid="two-factor-required"
        />
      )}
      <p style={{ marginTop: 0 }}>{t('twoFactor.intro')}</p>
      {body}
    </Card>
  );
}
