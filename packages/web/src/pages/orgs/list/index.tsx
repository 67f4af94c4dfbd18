import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { orgKinds, type Org, type OrgKind } from '@jijiao/contracts';
import { ListFooter } from '../../../components/ListFooter';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { orgsLabel } from '../../../nav-labels';
import { useSession } from '../../../session/session-context';
import { textParam } from '../../../utils/url-state';
import { OrgFormDrawer, type OrgFormState } from './components/OrgFormDrawer';
import { ReviewChainDrawer } from './components/ReviewChainDrawer';
import { orgsPath, parseKind } from './org-path';
import { useOrgPages, useOrgTrail } from './use-orgs';
import { PageHeader } from '../../../components/PageHeader';
import { orgTrail } from './org-trail';

/**
 * 机构 / 机构与审核链: the organisations in the caller's scope, one level at a time; with
 * org:manage, adding and editing organisations and each unit's review chain.
 */
export function OrgListPage() {
  const { t } = useT();
  const { access } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const parentId = searchParams.get('parentId') ?? undefined;
  const kind = parseKind(searchParams.get('kind'));
  const q = textParam(searchParams.get('q'), 50);
  const pages = useOrgPages(parentId, kind, q);
  const trail = useOrgTrail(parentId);
  const canManage = access.permissions.has('org:manage');
  const [form, setForm] = useState<OrgFormState>({ mode: 'closed' });
  const [chainOf, setChainOf] = useState<Org | null>(null);
  const parent = parentId === undefined ? undefined : trail.data?.at(-1);

  const columns: TableColumnsType<Org> = [
    {
      title: t('orgs.name'),
      dataIndex: 'name',
      render: (name: string, org) => <Link to={orgsPath({ parentId: org.id })}>{name}</Link>,
    },
    {
      title: t('orgs.kind'),
      dataIndex: 'kind',
      width: 180,
      render: (value: OrgKind, org) =>
        org.unitType
          ? `${t(`orgKind.${value}`)} · ${t(`unitType.${org.unitType}`)}`
          : t(`orgKind.${value}`),
    },
    {
      title: t('orgs.regionCode'),
      dataIndex: 'regionCode',
      width: 140,
      render: (code: string | null) => code ?? '—',
    },
    {
      title: t('orgs.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (code: string | null) => code ?? '—',
    },
    {
      title: t('orgs.actions'),
      key: 'actions',
      width: 160,
      render: (_v: unknown, org) => (
        <Space size={0}>
          {org.kind === 'unit' && (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setChainOf(org);
              }}
            >
              {t('orgs.reviewChain')}
            </Button>
          )}
          {canManage && (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setForm({ mode: 'edit', org });
              }}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <PageHeader title={t(orgsLabel(access.role))} trail={orgTrail(trail.data ?? [])} />
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            key={q ?? ''}
            defaultValue={q}
            placeholder={t('orgs.name')}
            aria-label={t('orgs.name')}
            allowClear
            maxLength={50}
            style={{ width: 220 }}
            onSearch={(value) => {
              void navigate(orgsPath({ parentId, kind, q: value.trim() || undefined }));
            }}
          />
          <Select<OrgKind | ''>
            aria-label={t('orgs.kindFilter')}
            style={{ width: 220 }}
            value={kind ?? ''}
            options={[
              { value: '', label: t('orgs.allKinds') },
              ...orgKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
            ]}
            onChange={(value) => {
              void navigate(orgsPath({ parentId, q, kind: value === '' ? undefined : value }));
            }}
          />
        </Flex>
        {canManage && parent !== undefined && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setForm({ mode: 'create', parent });
            }}
          >
            {t('orgs.create')}
          </Button>
        )}
      </Flex>
      <Table<Org>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={pages.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('orgs.empty') }}
        data-testid="org-table"
      />
      <ListFooter
        count={rows.length}
        total={pages.data?.pages[0]?.total}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      <OrgFormDrawer
        state={form}
        onClose={() => {
          setForm({ mode: 'closed' });
        }}
      />
      <ReviewChainDrawer
        unit={chainOf}
        canEdit={canManage}
        onClose={() => {
          setChainOf(null);
        }}
      />
    </Card>
  );
}
