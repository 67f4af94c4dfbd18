import { Button, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { orgKinds, type Org, type OrgKind } from '@jijiao/contracts';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { OrgBreadcrumb } from './components/OrgBreadcrumb';
import { orgsPath, parseKind } from './org-path';
import { useOrgPages, useOrgTrail } from './use-orgs';

/** 机构: the organisations in the caller's scope, one level at a time. */
export function OrgListPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const parentId = searchParams.get('parentId') ?? undefined;
  const kind = parseKind(searchParams.get('kind'));
  const pages = useOrgPages(parentId, kind);
  const trail = useOrgTrail(parentId);

  const columns: TableColumnsType<Org> = [
    {
      title: t('orgs.name'),
      dataIndex: 'name',
      render: (name: string, org) => <Link to={orgsPath({ parentId: org.id })}>{name}</Link>,
    },
    {
      title: t('orgs.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (value: OrgKind) => t(`orgKind.${value}`),
    },
    {
      title: t('orgs.regionCode'),
      dataIndex: 'regionCode',
      width: 160,
      render: (code: string | null) => code ?? '—',
    },
  ];

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('orgs.title')}
      </Typography.Title>
      <OrgBreadcrumb trail={trail.data ?? []} />
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <Select<OrgKind | ''>
          aria-label={t('orgs.kindFilter')}
          style={{ width: 220 }}
          value={kind ?? ''}
          options={[
            { value: '', label: t('orgs.allKinds') },
            ...orgKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
          ]}
          onChange={(value) => {
            void navigate(orgsPath({ parentId, kind: value === '' ? undefined : value }));
          }}
        />
      </Flex>
      <Table<Org>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={pages.isPending}
        pagination={false}
        locale={{ emptyText: t('orgs.empty') }}
        data-testid="org-table"
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">
          {t('orgs.loadedCount', { count: rows.length })}
        </Typography.Text>
        {pages.hasNextPage && (
          <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
