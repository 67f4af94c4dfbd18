import { useState } from 'react';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { claimStatuses, type ClaimStatus, type ClaimSummary } from '@jijiao/contracts';
import { fetchClaim, listMyClaims } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { PageError } from '../../../components/PageState';
import { StatusTag, activityLabel } from '../../../components/year/credit-tags';
import { useIsPhone } from '../../../components/use-is-phone';
import { useT } from '../../../i18n/use-t';
import { ClaimCards } from './components/ClaimCards';
import { PageHeader } from '../../../components/PageHeader';

/** 申报记录: the learner's claims (drafts, in review, returned with the reason, effective). */
export function MyClaimsPage() {
  const { t } = useT();
  const [status, setStatus] = useState<ClaimStatus | undefined>();
  const pages = useInfiniteQuery({
    queryKey: ['claims', 'mine', status],
    queryFn: ({ pageParam }) => listMyClaims({ status, after: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  // The reviewer's reason of each returned claim (few at a time): from its history.
  const returned = items.filter((c) => c.status === 'returned');
  const details = useQueries({
    queries: returned.map((c) => ({
      queryKey: ['claims', c.id],
      queryFn: () => fetchClaim(c.id),
    })),
  });
  const reasonOf = new Map(
    details.flatMap((d) =>
      d.data
        ? [[d.data.id, d.data.history.filter((h) => h.action === 'return').at(-1)?.reason ?? null]]
        : [],
    ),
  );
  const isPhone = useIsPhone();
  const statusNote = (c: ClaimSummary) => (
    <>
      {c.status === 'submitted' && c.currentReviewerOrgName && (
        <Typography.Text type="secondary">{c.currentReviewerOrgName}</Typography.Text>
      )}
      {c.status === 'returned' && reasonOf.get(c.id) && (
        <Typography.Text type="danger" data-testid="return-reason">
          {t('claims.returnedBecause', { reason: reasonOf.get(c.id) ?? '' })}
        </Typography.Text>
      )}
    </>
  );
  const action = (c: ClaimSummary) =>
    c.status === 'draft' || c.status === 'returned' ? (
      <Link to={`/credits/${c.id}/edit`}>
        {c.status === 'returned' ? t('claims.resubmit') : t('claims.edit')}
      </Link>
    ) : null;
  const filters = (
    <Space wrap>
      <Select
        allowClear
        placeholder={t('claims.allStatuses')}
        aria-label={t('claims.filterStatus')}
        style={{ width: 140 }}
        value={status}
        onChange={(v: ClaimStatus | undefined) => {
          setStatus(v);
        }}
        options={claimStatuses.map((s) => ({ value: s, label: t(`credits.status.${s}`) }))}
      />
      <Link to="/credits/new">
        <Button type="primary" icon={<FormOutlined />}>
          {t('year.reportButton')}
        </Button>
      </Link>
    </Space>
  );
  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  // The card names the page: a learner's own page has no breadcrumb above it.
  return (
    <>
      <PageHeader titleBelow />
      <Card title={t('claims.title')} extra={isPhone ? undefined : filters}>
        {isPhone ? <div style={{ marginBottom: 12 }}>{filters}</div> : null}
        {isPhone ? (
          <ClaimCards
            items={items}
            loading={pages.isLoading}
            statusNote={statusNote}
            action={action}
          />
        ) : (
          <Table<ClaimSummary>
            rowKey="id"
            loading={pages.isLoading}
            pagination={false}
            dataSource={items}
            data-testid="my-claims"
            locale={{ emptyText: t('claims.empty') }}
            columns={[
              {
                title: t('credits.columns.activity'),
                key: 'activity',
                render: (_, c) => activityLabel(t, c.activityType, c.projectNumber),
              },
              { title: t('credits.columns.date'), dataIndex: 'activityDate' },
              { title: t('credits.columns.credits'), dataIndex: 'credits' },
              {
                title: t('credits.columns.status'),
                key: 'status',
                render: (_, c) => (
                  <Space orientation="vertical" size={2}>
                    <StatusTag status={c.status} />
                    {statusNote(c)}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, c) => action(c),
              },
            ]}
          />
        )}
        <ListFooter
          count={items.length}
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      </Card>
    </>
  );
}
