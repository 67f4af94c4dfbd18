import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import type { InitialAccount } from '../../../../api';
import { useT } from '../../../../i18n/use-t';

/** A learner account's one-time initial password: shown once, to be copied and handed over. */
export function AccountModal({
  title,
  account,
  onClose,
}: {
  title: string;
  account: InitialAccount | null;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Modal
      open={account !== null}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {account !== null && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('people.account.onlyOnce')}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'username',
                label: t('people.account.username'),
                children: (
                  <Typography.Text copyable data-testid="account-username">
                    {account.username}
                  </Typography.Text>
                ),
              },
              {
                key: 'password',
                label: t('people.account.initialPassword'),
                children: (
                  <Typography.Text code copyable data-testid="account-password">
                    {account.initialPassword}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
