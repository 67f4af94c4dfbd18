import { useState } from 'react';
import { Button, Flex, Table } from 'antd';
import { FileExcelOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Person } from '@jijiao/contracts';
import {
  exportPeople,
  fetchPerson,
  resetPersonPassword,
  type InitialAccount,
} from '../../../../api';
import { DownloadButton } from '../../../../components/DownloadButton';
import { ListFooter } from '../../../../components/ListFooter';
import { PageError } from '../../../../components/PageState';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { useSession } from '../../../../session/session-context';
import { peopleQuery, type PeopleFilters } from '../people-filters';
import { usePeoplePages } from '../use-people';
import { AccountModal } from './AccountModal';
import { HistoryModal } from './HistoryModal';
import { PeopleFilterBar } from './PeopleFilterBar';
import { peopleColumns } from './people-columns';
import { PersonDrawer, type PersonDrawerState } from './PersonDrawer';
import { TransferModal } from './TransferModal';
import { useFeedback } from '../../../../components/feedback';

/** The 人员列表 tab: filters, export/import/create, the staff table and its dialogs. */
export function PeopleList({
  filters,
  go,
}: {
  filters: PeopleFilters;
  go: (next: Partial<PeopleFilters>) => void;
}) {
  const { t } = useT();
  const { message, modal } = useFeedback();
  const { access, grant } = useSession();
  const pages = usePeoplePages(filters);
  const canManage = access.permissions.has('person:manage');
  const canReveal = access.permissions.has('person:reveal_id');
  // A unit admin's scope is one unit: no unit filter, and new staff go there.
  const atUnit = grant.orgKind === 'unit';
  const [drawer, setDrawer] = useState<PersonDrawerState>({ mode: 'closed' });
  const [account, setAccount] = useState<{ title: string; account: InitialAccount } | null>(null);
  const [history, setHistory] = useState<Person | null>(null);
  const [transferring, setTransferring] = useState<Person | null>(null);

  const resetPassword = useMutation({
    mutationFn: (person: Person) => resetPersonPassword(person.id),
    gcTime: 0, // a one-time password
    onSuccess: (result) => {
      setAccount({ title: t('people.account.resetTitle'), account: result });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });

  // Lists mask the phone: the drawer edits the person as one person's page answers them.
  const openEdit = useMutation({
    mutationFn: (person: Person) => fetchPerson(person.id),
    gcTime: 0,
    onSuccess: (person) => {
      setDrawer({ mode: 'edit', person });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });

  const columns = peopleColumns({
    t,
    filters,
    canManage,
    canReveal,
    onEdit: (person) => {
      openEdit.mutate(person);
    },
    onHistory: setHistory,
    onTransfer: setTransferring,
    onResetPassword: (person) => {
      modal.confirm({
        title: t('people.resetPassword'),
        content: t('people.account.resetConfirm', { name: person.name }),
        okText: t('people.resetPassword'),
        cancelText: t('common.cancel'),
        onOk: () => resetPassword.mutateAsync(person).catch(() => undefined),
      });
    },
  });

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <PeopleFilterBar filters={filters} withUnit={!atUnit} onChange={go} />
        <Flex gap={8} wrap>
          <DownloadButton
            icon={<FileExcelOutlined />}
            fetchFile={() => exportPeople(peopleQuery(filters))}
            data-testid="people-export"
          >
            {t('common.exportExcel')}
          </DownloadButton>
          {canManage && (
            <Link to="/people/import">
              <Button icon={<ImportOutlined />} data-testid="people-import">
                {t('people.import')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setDrawer({ mode: 'create' });
              }}
              data-testid="person-create"
            >
              {t('people.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<Person>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={pages.isPending || pages.isPlaceholderData}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('people.empty') }}
        data-testid="people-table"
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = one?.columnKey === 'createdAt' ? 'createdAt' : 'name';
          const order = one?.order === 'descend' ? 'desc' : 'asc';
          go({ sort: key, order });
        }}
      />
      <ListFooter
        count={rows.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      <PersonDrawer
        state={drawer}
        fixedUnit={atUnit ? { id: grant.orgId, name: grant.orgName } : null}
        onClose={() => {
          setDrawer({ mode: 'closed' });
        }}
        onCreated={(created) => {
          setAccount({ title: t('people.account.createdTitle'), account: created.account });
        }}
      />
      <AccountModal
        title={account?.title ?? ''}
        account={account?.account ?? null}
        onClose={() => {
          setAccount(null);
        }}
      />
      <HistoryModal
        person={history}
        onClose={() => {
          setHistory(null);
        }}
      />
      <TransferModal
        open={transferring !== null}
        person={transferring}
        onClose={() => {
          setTransferring(null);
        }}
      />
    </>
  );
}
