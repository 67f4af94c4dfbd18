import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VoidYearResult } from '@jijiao/contracts';
import { confirmVoid, fetchVoidPreview, type VoidTarget } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { VoidConsequences } from './VoidConsequences';
import { useFeedback } from '../../../components/feedback';

/**
 * 作弊处理's confirmation: the consequences from the server's preview, a required reason,
 * then the void. Lists that show what changed are refetched afterwards.
 */
export function VoidModal({
  target,
  personName,
  onClose,
  onDone,
}: {
  target: VoidTarget | null;
  personName: string;
  onClose: () => void;
  onDone: (result: VoidYearResult) => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const preview = useQuery({
    queryKey: ['void-preview', target],
    queryFn: () => fetchVoidPreview(target ?? { personId: '', year: 0 }),
    enabled: target !== null,
    gcTime: 0,
  });
  const run = useMutation({
    mutationFn: (voidTarget: VoidTarget) => confirmVoid(voidTarget, reason.trim()),
    onSuccess: (result) => {
      for (const key of ['person-year', 'certificate-register', 'hr-deliveries', 'fraud-recent'])
        void queryClient.invalidateQueries({ queryKey: [key] });
      onDone(result);
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const missingReason = reason.trim() === '';
  const wholeYear = target?.claimId === undefined;
  const title = target
    ? t(wholeYear ? 'fraud.previewTitleYear' : 'fraud.previewTitleCredit', {
        name: personName,
        year: target.year,
      })
    : '';
  return (
    <Modal
      open={target !== null}
      title={title}
      width={760}
      okText={t('fraud.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        danger: true,
        loading: run.isPending,
        disabled: !preview.data || preview.data.claims.length === 0,
        'data-testid': 'confirm-void',
      }}
      onOk={() => {
        setTouched(true);
        if (target && !missingReason) run.mutate(target);
      }}
      onCancel={onClose}
      afterClose={() => {
        setReason('');
        setTouched(false);
      }}
      destroyOnHidden
    >
      {preview.isError ? (
        <PageError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : !preview.data ? (
        <PageLoading />
      ) : (
        <>
          <VoidConsequences preview={preview.data} wholeYear={wholeYear} />
          <Form layout="vertical" style={{ marginTop: 16 }}>
            <Form.Item
              label={t('fraud.reason')}
              required
              validateStatus={touched && missingReason ? 'error' : undefined}
              help={touched && missingReason ? t('fraud.reasonRequired') : undefined}
            >
              <Input.TextArea
                aria-label={t('fraud.reason')}
                data-testid="void-reason"
                rows={2}
                maxLength={500}
                showCount
                placeholder={t('fraud.reasonPlaceholder')}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
              />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">{t('fraud.irreversible')}</Typography.Text>
        </>
      )}
    </Modal>
  );
}
