import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useT } from '../../../../i18n/use-t';

/** Asks for the reason a return or a rejection needs; OK only with some text. */
export function ReasonModal({
  open,
  title,
  confirming,
  onOk,
  onCancel,
}: {
  open: boolean;
  title: string;
  confirming: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={title}
      okText={t('reviews.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reason.trim() === '', loading: confirming }}
      onOk={() => {
        onOk(reason.trim());
      }}
      onCancel={onCancel}
      afterClose={() => {
        setReason('');
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reviews.reasonHint')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('reviews.reason')}
        data-testid="review-reason"
        rows={3}
        maxLength={500}
        showCount
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
      />
    </Modal>
  );
}
