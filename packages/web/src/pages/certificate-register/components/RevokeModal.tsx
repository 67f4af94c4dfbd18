import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { CertificateRegisterItem } from '@jijiao/contracts';
import { revokeCertificate } from '../../../api';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useFeedback } from '../../../components/feedback';

/** Revoking a certificate: what it means, whose it is, and the reason (required). */
export function RevokeModal({
  certificate,
  onClose,
  onRevoked,
}: {
  certificate: CertificateRegisterItem | null;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 2;
  const revoke = useMutation({
    mutationFn: (c: CertificateRegisterItem) => revokeCertificate(c.serial, reason.trim()),
    onSuccess: () => {
      message.success(t('certRegister.revoked'));
      onRevoked();
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  return (
    <Modal
      open={certificate !== null}
      title={certificate ? t('certRegister.revokeTitle', { serial: certificate.serial }) : ''}
      okText={t('certRegister.confirmRevoke')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: revoke.isPending, 'data-testid': 'confirm-revoke' }}
      onOk={() => {
        setTouched(true);
        if (certificate && !tooShort) revoke.mutate(certificate);
      }}
      onCancel={onClose}
      afterClose={() => {
        setReason('');
        setTouched(false);
      }}
      destroyOnHidden
    >
      {certificate && (
        <>
          <Alert type="warning" showIcon title={t('certRegister.revokeWarning')} />
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('certRegister.revokeHolder', {
              name: certificate.holderName,
              unit: certificate.unitName,
              year: certificate.year,
              credits: certificate.credits.total,
            })}
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item
              label={t('certRegister.reason')}
              required
              validateStatus={touched && tooShort ? 'error' : undefined}
              help={touched && tooShort ? t('certRegister.reasonTooShort') : undefined}
            >
              <Input.TextArea
                aria-label={t('certRegister.reason')}
                data-testid="revoke-reason"
                rows={3}
                maxLength={500}
                showCount
                placeholder={t('certRegister.reasonPlaceholder')}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
