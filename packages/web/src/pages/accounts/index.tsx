import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role, UserAccount, UserCreate, UserWithPassword } from '@jijiao/contracts';
import { createAccount, listAccounts, resetAccountPassword, unlockAccount } from '../../api';
import { FormError } from '../../components/FormError';
import { ListFooter } from '../../components/ListFooter';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageError } from '../../components/PageState';
import { errorMessageKey } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../utils/format';

const adminRoles = [
  'unit_admin',
  'reviewer',
  'host_admin',
  'province_admin',
  'system_admin',
] as const;

/**
 * 账号管理: the administrator accounts of the caller's subtree. Create one (a role at an
 * organisation; its one-time password is shown once), reset a password, lift a lock.
 * Learner accounts come with the person's registration and are listed here too.
 */
export function AccountsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { access } = useSession();
  const queryClient = useQueryClient();
  const canManage = access.permissions.has('user:manage');
  const [filters, setFilters] = useState<{ q?: string; role?: Role }>({});
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<UserWithPassword | null>(null);
  const [form] = Form.useForm<UserCreate>();
  const pages = useInfiniteQuery({
    queryKey: ['accounts', filters],
    queryFn: ({ pageParam }) => listAccounts({ ...filters, limit: 50, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });
  const onError = (error: unknown) => void message.error(t(errorMessageKey(error)));

  const create = useMutation({
    mutationFn: createAccount,
    onSuccess: (result) => {
      setCreating(false);
      form.resetFields();
      setShown(result);
      void refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (user: UserAccount) => resetAccountPassword(user.id),
    onSuccess: (result) => {
      setShown(result);
      void refresh();
    },
    onError,
  });
  const unlock = useMutation({
    mutationFn: (user: UserAccount) => unlockAccount(user.id),
    onSuccess: () => {
      void message.success(t('accounts.unlocked'));
      void refresh();
    },
    onError,
  });

  const columns: TableColumnsType<UserAccount> = [
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
                    reset.mutate(user);
                  }}
                >
                  <Button type="link" size="small">
                    {t('accounts.reset')}
                  </Button>
                </Popconfirm>
                {user.lockedUntil && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      unlock.mutate(user);
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

  return (
    <Card
      title={t('accounts.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="account-create"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('accounts.create')}
          </Button>
        )
      }
    >
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values: { q?: string; role?: Role }) => {
          const q = values.q?.trim();
          setFilters({ ...(q ? { q } : {}), ...(values.role ? { role: values.role } : {}) });
        }}
      >
        <Form.Item name="q" label={t('accounts.search')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')}>
          <Select
            allowClear
            style={{ width: 180 }}
            options={(['learner', ...adminRoles] as const).map((role) => ({
              value: role,
              label: t(`role.${role}`),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {pages.isError ? (
        <PageError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <Table<UserAccount>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={pages.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="accounts-table"
          />
          <ListFooter
            countText={t('accounts.loaded', { count: rows.length })}
            hasMore={pages.hasNextPage}
            loading={pages.isFetchingNextPage}
            onMore={() => void pages.fetchNextPage()}
          />
        </>
      )}

      <Modal
        open={creating}
        title={t('accounts.create')}
        okText={t('accounts.createOk')}
        confirmLoading={create.isPending}
        destroyOnHidden
        onOk={() => {
          void form.validateFields().then((values) => {
            create.mutate(values);
          });
        }}
        onCancel={() => {
          setCreating(false);
          create.reset();
        }}
      >
        <FormError error={create.error} placed={false} />
        <Form<UserCreate> form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label={t('accounts.username')}
            extra={t('accounts.usernameHint')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/ }]}
          >
            <Input data-testid="account-username" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('accounts.displayName')}
            rules={[{ required: true, max: 50 }]}
          >
            <Input data-testid="account-display-name" />
          </Form.Item>
          <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
            <Select
              data-testid="account-role"
              options={adminRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="orgId"
            label={t('accounts.org')}
            extra={t('accounts.orgHint')}
            rules={[{ required: true }]}
          >
            <OrgTreeSelect data-testid="account-org" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={shown !== null}
        title={t('accounts.passwordTitle', { username: shown?.user.username ?? '' })}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          <Button
            type="primary"
            onClick={() => {
              setShown(null);
            }}
          >
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
    </Card>
  );
}
