import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { UserAccount, UserWithPassword } from '@jijiao/contracts';
import {
  listAccounts,
  resetAccountPassword,
  resetAccountTwoFactor,
  unlockAccount,
} from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { PageError } from '../../components/PageState';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { AccountFilterBar, type AccountFilters } from './components/AccountFilterBar';
import { accountColumns } from './components/account-columns';
import { CreateAccountModal } from './components/CreateAccountModal';
import { PasswordOnceModal } from './components/PasswordOnceModal';
import { PageHeader } from '../../components/PageHeader';
import { useFeedback } from '../../components/feedback';

/**
 * 账号管理: the administrator accounts of the caller's subtree. Create one (a role at an
 * organisation; its one-time password is shown once), reset a password or a lost second
 * factor, lift a lock.
 * Learner accounts come with the person's registration and are listed here too.
 */
export function AccountsPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const { access } = useSession();
  const queryClient = useQueryClient();
  const canManage = access.permissions.has('user:manage');
  // `?locked=true` (the 工作台's locked-accounts tile) opens the list of locked accounts.
  const [searchParams] = useSearchParams();
  const [initial] = useState<AccountFilters>(() =>
    searchParams.get('locked') === 'true' ? { locked: true } : {},
  );
  const [filters, setFilters] = useState<AccountFilters>(initial);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<UserWithPassword | null>(null);
  const pages = useInfiniteQuery({
    queryKey: ['accounts', filters],
    queryFn: ({ pageParam }) => listAccounts({ ...filters, limit: 50, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });
  const onError = (error: unknown) => {
    message.error(errorText(t, error));
  };

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
      message.success(t('accounts.unlocked'));
      void refresh();
    },
    onError,
  });

  const resetTwoFactor = useMutation({
    mutationFn: (user: UserAccount) => resetAccountTwoFactor(user.id),
    onSuccess: (user) => {
      message.success(t('accounts.twoFactorReset', { username: user.username }));
      void refresh();
    },
    onError,
  });

  const columns = accountColumns({
    t,
    canManage,
    onReset: (user) => {
      reset.mutate(user);
    },
    onUnlock: (user) => {
      unlock.mutate(user);
    },
    onResetTwoFactor: (user) => {
      resetTwoFactor.mutate(user);
    },
  });

  return (
    <Card>
      <PageHeader
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
      />
      <AccountFilterBar initial={initial} onApply={setFilters} />
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
            count={rows.length}
            hasMore={pages.hasNextPage}
            loading={pages.isFetchingNextPage}
            onMore={() => void pages.fetchNextPage()}
          />
        </>
      )}

      <CreateAccountModal
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={(result) => {
          setCreating(false);
          setShown(result);
          void refresh();
        }}
      />

      <PasswordOnceModal
        shown={shown}
        onDone={() => {
          setShown(null);
        }}
      />
    </Card>
  );
}
