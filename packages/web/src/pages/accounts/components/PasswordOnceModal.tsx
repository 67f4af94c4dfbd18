import { Alert, Button, Modal, Typography } from 'antd';
import type { UserWithPassword } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

/** A one-time password, shown once: only the button closes it, so it is not lost by a stray click. */
export function PasswordOnceModal({
  shown,
  onDone,
}: {
  shown: UserWithPassword | null;
  onDone: () => void;
}) {
  const { t } = useT();
  return (
    <Modal
      open={shown !== null}
      title={t('accounts.passwordTitle', { username: shown?.user.username ?? '' })}
      closable={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onDone}>
          {t('accounts.passwordDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('accounts.passwordOnce')} />
      <Typography.Paragraph
        code
        copyable={{ text: shown?.initialPassword ?? '' }}
        data-testid="account-password"
        style={{ marginTop: 16 }}
      >
        {shown?.initialPassword}
      </Typography.Paragraph>
    </Modal>
  );
}
