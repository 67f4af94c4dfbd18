import { useState, type ReactNode } from 'react';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  DownOutlined,
  FileExcelOutlined,
  ImportOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  professions,
  titleGrades,
  type Person,
  type Profession,
  type TitleGrade,
} from '@jijiao/contracts';
import { exportPeople, resetPersonPassword, type InitialAccount } from '../../../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { ListFooter } from '../../../components/ListFooter';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { PageError } from '../../../components/PageState';
import { errorMessageKey } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { formatDateTime } from '../../../utils/format';
import { AccountModal } from './components/AccountModal';
import { HistoryModal } from './components/HistoryModal';
import { PersonDrawer, type PersonDrawerState } from './components/PersonDrawer';
import { RevealableId } from './components/RevealableId';
import { TransferList } from './components/TransferList';
import { TransferModal } from './components/TransferModal';
import {
  parsePeopleFilters,
  peoplePath,
  peopleQuery,
  type PeopleFilters,
  type PeopleTab,
} from './people-filters';
import { usePeoplePages } from './use-people';

/** 人员管理: the staff in the caller's scope, with import/export and transfers. */
export function PeopleListPage() {
  const { t } = useT();
  const { access } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const filters = parsePeopleFilters(searchParams);
  const canManage = access.permissions.has('person:manage');
  const go = (next: Partial<PeopleFilters>) => {
    void navigate(peoplePath({ ...filters, ...next }));
  };

  const tabs: { key: PeopleTab; label: string; children: ReactNode }[] = [
    {
      key: 'list',
      label: t('people.tab.list'),
      children: <PeopleList filters={filters} go={go} />,
    },
    ...(canManage
      ? [
          {
            key: 'incoming' as const,
            label: t('people.tab.incoming'),
            children: <TransferList direction="incoming" canManage={canManage} />,
          },
          {
            key: 'outgoing' as const,
            label: t('people.tab.outgoing'),
            children: <TransferList direction="outgoing" canManage={canManage} />,
          },
        ]
      : []),
  ];

  return (
    <Card>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="page-title">
        {t('people.title')}
      </Typography.Title>
      {tabs.length > 1 ? (
        <Tabs
          activeKey={filters.tab}
          onChange={(key) => {
            go({ tab: key as PeopleTab });
          }}
          items={tabs}
          destroyOnHidden
        />
      ) : (
        tabs[0]?.children
      )}
    </Card>
  );
}

const toSortOrder = (
  filters: PeopleFilters,
  key: PeopleFilters['sort'],
): 'ascend' | 'descend' | null =>
  filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;

function PeopleList({
  filters,
  go,
}: {
  filters: PeopleFilters;
  go: (next: Partial<PeopleFilters>) => void;
}) {
  const { t } = useT();
  const { message, modal } = App.useApp();
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
      void message.error(t(errorMessageKey(error)));
    },
  });

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: toSortOrder(filters, 'name'),
      sortDirections: ['ascend', 'descend'],
      fixed: 'left',
    },
    {
      title: t('people.idNumber'),
      key: 'idNumber',
      render: (_v: unknown, person) => <RevealableId person={person} canReveal={canReveal} />,
    },
    {
      title: t('people.sex'),
      dataIndex: 'sex',
      render: (value: Person['sex']) => t(`sex.${value}`),
    },
    { title: t('people.birthDate'), dataIndex: 'birthDate' },
    {
      title: t('people.profession'),
      dataIndex: 'profession',
      render: (value: Profession, person) => (
        <>
          {t(`profession.${value}`)}
          {person.tcm && (
            <Tag style={{ marginInlineStart: 6 }} color="green">
              {t('people.tcm')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('people.titleGrade'),
      dataIndex: 'titleGrade',
      render: (value: TitleGrade) => t(`titleGrade.${value}`),
    },
    { title: t('people.unit'), dataIndex: 'unitName' },
    {
      title: t('people.username'),
      dataIndex: 'username',
      render: (value: string | null) =>
        value ?? <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>,
    },
    {
      title: t('people.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: toSortOrder(filters, 'createdAt'),
      sortDirections: ['descend', 'ascend'],
      render: (value: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v: unknown, person) => (
        <Space size={0} wrap>
          {canManage && (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setDrawer({ mode: 'edit', person });
              }}
            >
              {t('common.edit')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => {
              setHistory(person);
            }}
          >
            {t('people.history')}
          </Button>
          {canManage && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'reset-password', label: t('people.resetPassword') },
                  { key: 'transfer', label: t('people.transfer') },
                ],
                onClick: ({ key }) => {
                  if (key === 'transfer') {
                    setTransferring(person);
                    return;
                  }
                  void modal.confirm({
                    title: t('people.resetPassword'),
                    content: t('people.account.resetConfirm', { name: person.name }),
                    okText: t('people.resetPassword'),
                    cancelText: t('common.cancel'),
                    onOk: () => resetPassword.mutateAsync(person).catch(() => undefined),
                  });
                },
              }}
            >
              <Button type="link" size="small">
                {t('people.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      ),
    },
  ];

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered =
    filters.q !== undefined ||
    filters.profession !== undefined ||
    filters.titleGrade !== undefined ||
    filters.unitId !== undefined;

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            placeholder={t('people.filter.name')}
            aria-label={t('people.filter.name')}
            allowClear
            maxLength={50}
            style={{ width: 200 }}
            onSearch={(value) => {
              go({ q: value.trim() === '' ? undefined : value.trim() });
            }}
          />
          <Select<Profession | ''>
            aria-label={t('people.profession')}
            style={{ width: 150 }}
            value={filters.profession ?? ''}
            onChange={(value) => {
              go({ profession: value === '' ? undefined : value });
            }}
            options={[
              { value: '', label: t('people.filter.allProfessions') },
              ...professions.map((p) => ({ value: p, label: t(`profession.${p}`) })),
            ]}
          />
          <Select<TitleGrade | ''>
            aria-label={t('people.titleGrade')}
            style={{ width: 130 }}
            value={filters.titleGrade ?? ''}
            onChange={(value) => {
              go({ titleGrade: value === '' ? undefined : value });
            }}
            options={[
              { value: '', label: t('people.filter.allTitles') },
              ...titleGrades.map((g) => ({ value: g, label: t(`titleGrade.${g}`) })),
            ]}
          />
          {!atUnit && (
            <OrgTreeSelect
              aria-label={t('people.unit')}
              placeholder={t('people.filter.allUnits')}
              value={filters.unitId}
              onChange={(unitId) => {
                go({ unitId });
              }}
              style={{ width: 240 }}
            />
          )}
          {filtered && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                go({
                  q: undefined,
                  profession: undefined,
                  titleGrade: undefined,
                  unitId: undefined,
                });
              }}
            >
              {t('common.reset')}
            </Button>
          )}
        </Flex>
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
        loading={pages.isPending}
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
        countText={t('people.loadedCount', { count: rows.length })}
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
