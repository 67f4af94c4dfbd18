import { Button, Flex, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import type { UserAccount } from '@jijiao/contracts';
import type { Translate } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

/** The accounts table's columns; reset and unlock only for those who manage accounts. */
export function accountColumns({
  t,
  canManage,
  onReset,
  onUnlock,
  onResetTwoFactor,
}: {
  t: Translate;
  canManage: boolean;
  onReset: (user: UserAccount) => void;
  onUnlock: (user: UserAccount) => void;
  onResetTwoFactor: (user: UserAccount) => void;
}): TableColumnsType<UserAccount> {
  return [
    { title: t('accounts.username'), dataIndex: 'username' },
    { title: t('accounts.displayName'), dataIndex: 'displayName' },
    {
      title: t('accounts.roles'),
      key: 'roles',
      render: (_v, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((r) => (
            <Tag key={`${r.role}-${r.orgId}`}>
              {t(`role.${r.role}`)} · {r.orgName}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('accounts.status'),
      key: 'status',
      render: (_v, user) => (
        <Flex gap={4} wrap>
          {user.lockedUntil && (
            <Tag color="red">
              {t('accounts.lockedUntil', { at: formatDateTime(user.lockedUntil) })}
            </Tag>
          )}
          {user.mustChangePassword && <Tag color="orange">{t('accounts.mustChange')}</Tag>}
          {!user.lockedUntil && !user.mustChangePassword && (
            <Tag color="green">{t('accounts.active')}</Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('accounts.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, user: UserAccount) => (
              <Space size={0}>
                <Popconfirm
                  title={t('accounts.resetConfirm', { username: user.username })}
                  onConfirm={() => {
                    onReset(user);
                  }}
                >
                  <Button type="link" size="small">
                    {t('accounts.reset')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('accounts.resetTwoFactorConfirm', { username: user.username })}
                  onConfirm={() => {
                    onResetTwoFactor(user);
                  }}
                >
                  <Button type="link" size="small" data-testid="account-reset-two-factor">
                    {t('accounts.resetTwoFactor')}
                  </Button>
                </Popconfirm>
                {user.lockedUntil && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      onUnlock(user);
                    }}
                  >
                    {t('accounts.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
}
