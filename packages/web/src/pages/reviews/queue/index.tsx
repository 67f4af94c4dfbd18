import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Tabs, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { activityTypes, creditChannels, type ClaimSummary } from '@jijiao/contracts';
import { bulkReview, type ReviewQueueFilters } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { PageError } from '../../../components/PageState';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { enumParam } from '../../../utils/url-state';
import { BulkResultModal, type BulkOutcome } from './components/BulkResultModal';
import { ClaimDrawer } from './components/ClaimDrawer';
import { ReasonModal } from './components/ReasonModal';
import { ReviewQueueFilterBar } from './components/ReviewQueueFilterBar';
import { reviewQueueColumns } from './components/review-queue-columns';
import { waitingOrgsText } from './components/history-text';
import { useReviewQueue } from './use-review-queue';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

type SortKey = ReviewQueueFilters['sort'];
const initialFilters: ReviewQueueFilters = { sort: 'submittedAt', order: 'asc' };

/**
 * 审核队列: what waits at the caller's own orgs, with bulk approve/return and a detail
 * drawer; the 代审 tab (`?tab=act-for`) lists what waits at the bodies below, and acting
 * there says for whom and sends `actFor` (ADR 0023).
 */
export function ReviewQueuePage() {
  const { t } = useT();
  const { message, modal } = useFeedback();
  const { grant } = useSession();
  const queryClient = useQueryClient();
  // A 工作台 drills down with `?type=` or `?channel=`: the queue opens filtered so.
  const [searchParams] = useSearchParams();
  const [filters, setFilters] = useState<ReviewQueueFilters>(() => ({
    ...initialFilters,
    type: enumParam(activityTypes, searchParams.get('type')),
    channel: enumParam(creditChannels, searchParams.get('channel')),
    actFor: searchParams.get('tab') === 'act-for',
  }));
  const actingFor = filters.actFor === true;
  const [selected, setSelected] = useState<ClaimSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [results, setResults] = useState<BulkOutcome | null>(null);
  const pages = useReviewQueue(filters);
  const set = (next: Partial<ReviewQueueFilters>) => {
    setSelected([]);
    setFilters((f) => ({ ...f, ...next }));
  };

  const bulk = useMutation({
    mutationFn: (input: { action: 'approve' | 'return'; reason?: string }) =>
      bulkReview(input.action, {
        items: selected.map((c) => ({ id: c.id, version: c.version })),
        reason: input.reason,
        ...(actingFor ? { actFor: true } : {}),
      }),
    onSuccess: (result, input) => {
      setReturning(false);
      setSelected([]);
      setResults({
        action: input.action,
        result,
        names: new Map(selected.map((c) => [c.id, c.personName])),
      });
      void queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });

  const columns = reviewQueueColumns({ t, filters, onOpen: setOpenId });
  const approveSelected = () => {
    if (!actingFor) {
      bulk.mutate({ action: 'approve' });
      return;
    }
    modal.confirm({
      title: t('reviews.tabs.actFor'),
      content: t('reviews.actForBulkConfirm', {
        orgs: waitingOrgsText(t, selected),
        count: selected.length,
        action: t('reviews.approve'),
      }),
      okText: t('reviews.approve'),
      cancelText: t('common.cancel'),
      onOk: () => {
        bulk.mutate({ action: 'approve' });
      },
    });
  };

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <PageHeader title={t('reviews.title')} />
      <Tabs
        activeKey={actingFor ? 'act-for' : 'own'}
        onChange={(key) => {
          set({ actFor: key === 'act-for' });
        }}
        items={[
          { key: 'own', label: t('reviews.tabs.own') },
          {
            key: 'act-for',
            label: <span data-testid="tab-act-for">{t('reviews.tabs.actFor')}</span>,
          },
        ]}
      />
      {actingFor && (
        <Alert
          type="warning"
          showIcon
          title={t('reviews.actForHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <ReviewQueueFilterBar
          filters={filters}
          withUnit={grant.orgKind !== 'unit'}
          onChange={set}
        />
        <Space>
          <Typography.Text type="secondary">
            {t('reviews.selectedCount', { count: selected.length })}
          </Typography.Text>
          <Button
            disabled={selected.length === 0}
            onClick={() => {
              setReturning(true);
            }}
            data-testid="bulk-return"
          >
            {t('reviews.bulkReturn')}
          </Button>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={bulk.isPending && !returning}
            onClick={approveSelected}
            data-testid="bulk-approve"
          >
            {t('reviews.bulkApprove')}
          </Button>
        </Space>
      </Flex>
      <Table<ClaimSummary>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={pages.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reviews.empty') }}
        data-testid="review-queue"
        rowSelection={{
          selectedRowKeys: selected.map((c) => c.id),
          onChange: (_keys, chosen) => {
            setSelected(chosen);
          },
        }}
        onChange={(_p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = (one?.columnKey as SortKey | undefined) ?? 'submittedAt';
          set({ sort: key, order: one?.order === 'descend' ? 'desc' : 'asc' });
        }}
      />
      <ListFooter
        count={rows.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      <ClaimDrawer
        claimId={openId}
        onClose={() => {
          setOpenId(null);
        }}
      />
      <ReasonModal
        open={returning}
        title={
          actingFor
            ? t('reviews.actForBulkConfirm', {
                orgs: waitingOrgsText(t, selected),
                count: selected.length,
                action: t('reviews.return'),
              })
            : t('reviews.bulkReturn')
        }
        confirming={bulk.isPending}
        onCancel={() => {
          setReturning(false);
        }}
        onOk={(reason) => {
          bulk.mutate({ action: 'return', reason });
        }}
      />
      <BulkResultModal
        results={results}
        onClose={() => {
          setResults(null);
        }}
      />
    </Card>
  );
}
