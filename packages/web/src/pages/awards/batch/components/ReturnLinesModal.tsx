import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useT } from '../../../../i18n/use-t';

/** The reason for returning the selected lines (the same reason for each). */
export function ReturnLinesModal({
  count,
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  count: number;
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';
  return (
    <Modal
      open={open}
      title={t('awards.returnTitle', { count })}
      okText={t('awards.returnSelected')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => {
        setTouched(true);
        if (!missing) onConfirm(reason.trim());
      }}
      destroyOnHidden
    >
      <Typography.Text strong>{t('awards.reason')}</Typography.Text>
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
        status={touched && missing ? 'error' : ''}
        data-testid="return-reason"
      />
      {touched && missing && (
        <Typography.Text type="danger">{t('awards.reasonRequired')}</Typography.Text>
      )}
    </Modal>
  );
}
