import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  activityTypes,
  creditChannels,
  type ActivityType,
  type BulkResult,
  type ClaimSummary,
  type CreditChannel,
} from '@jijiao/contracts';
import { ApiError, bulkReview, type ApiErrorCode, type ReviewQueueFilters } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { PageError } from '../../../components/PageState';
import { errorMessageKey } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { formatDateTime } from '../../../utils/format';
import { ClaimDrawer } from './components/ClaimDrawer';
import { ReasonModal } from './components/ReasonModal';
import { useReviewQueue } from './use-review-queue';

type SortKey = ReviewQueueFilters['sort'];
const initialFilters: ReviewQueueFilters = { sort: 'submittedAt', order: 'asc' };

/** 审核队列: what waits at the caller's level, with bulk approve/return and a detail drawer. */
export function ReviewQueuePage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { grant } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<ReviewQueueFilters>(initialFilters);
  const [selected, setSelected] = useState<ClaimSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [results, setResults] = useState<{
    action: 'approve' | 'return';
    result: BulkResult;
    names: Map<string, string>;
  } | null>(null);
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
      void message.error(t(errorMessageKey(error)));
    },
  });

  const sortOrder = (key: SortKey): 'ascend' | 'descend' | null =>
    filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;
  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend' as const, 'descend' as const],
  });

  const columns: TableColumnsType<ClaimSummary> = [
    {
      title: t('reviews.person'),
      dataIndex: 'personName',
      fixed: 'left',
      render: (name: string, c) => (
        <Space size={4}>
          <Typography.Link
            onClick={() => {
              setOpenId(c.id);
            }}
            data-testid="queue-open"
          >
            {name}
          </Typography.Link>
          {c.flagged && (
            <Tag color="red" icon={<WarningOutlined />} data-testid="queue-flag">
              {t('reviews.sharedTag')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('reviews.unit'), dataIndex: 'unitName' },
    {
      title: t('reviews.activityType'),
      dataIndex: 'activityType',
      render: (v: ActivityType) => t(`reviews.type.${v}`),
    },
    { title: t('reviews.activityDate'), dataIndex: 'activityDate', ...sortable('activityDate') },
    {
      title: t('reviews.credits'),
      dataIndex: 'credits',
      ...sortable('credits'),
      render: (v: number, c) => (c.class ? `${v} (${t(`reviews.class.${c.class}`)})` : v),
    },
    {
      title: t('reviews.channelLabel'),
      dataIndex: 'channel',
      render: (v: CreditChannel) => t(`reviews.channel.${v}`),
    },
    { title: t('reviews.waitingAt'), dataIndex: 'currentReviewerOrgName' },
    {
      title: t('reviews.submittedAt'),
      dataIndex: 'submittedAt',
      ...sortable('submittedAt'),
      render: (v: string | null) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>
      ),
    },
  ];

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered =
    filters.type !== undefined ||
    filters.channel !== undefined ||
    filters.unitId !== undefined ||
    filters.year !== undefined ||
    filters.flagged !== undefined;

  return (
    <Card>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="page-title">
        {t('reviews.title')}
      </Typography.Title>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Select<ActivityType | ''>
            aria-label={t('reviews.activityType')}
            style={{ width: 160 }}
            value={filters.type ?? ''}
            onChange={(v) => {
              set({ type: v === '' ? undefined : v });
            }}
            options={[
              { value: '', label: t('reviews.filter.allTypes') },
              ...activityTypes.map((a) => ({ value: a, label: t(`reviews.type.${a}`) })),
            ]}
          />
          <Select<CreditChannel | ''>
            aria-label={t('reviews.channelLabel')}
            style={{ width: 150 }}
            value={filters.channel ?? ''}
            onChange={(v) => {
              set({ channel: v === '' ? undefined : v });
            }}
            options={[
              { value: '', label: t('reviews.filter.allChannels') },
              ...creditChannels.map((c) => ({ value: c, label: t(`reviews.channel.${c}`) })),
            ]}
          />
          {grant.orgKind !== 'unit' && (
            <OrgTreeSelect
              aria-label={t('reviews.unit')}
              placeholder={t('reviews.filter.allUnits')}
              value={filters.unitId}
              onChange={(unitId) => {
                set({ unitId });
              }}
              style={{ width: 220 }}
            />
          )}
          <InputNumber<number>
            aria-label={t('reviews.year')}
            placeholder={t('reviews.year')}
            min={2000}
            max={2100}
            value={filters.year ?? null}
            onChange={(v) => {
              set({ year: v ?? undefined });
            }}
            style={{ width: 110 }}
          />
          <Select<'' | 'true' | 'false'>
            aria-label={t('reviews.filter.flagged')}
            style={{ width: 170 }}
            value={filters.flagged === undefined ? '' : filters.flagged ? 'true' : 'false'}
            onChange={(v) => {
              set({ flagged: v === '' ? undefined : v === 'true' });
            }}
            options={[
              { value: '', label: t('reviews.filter.anyEvidence') },
              { value: 'true', label: t('reviews.filter.sharedOnly') },
              { value: 'false', label: t('reviews.filter.notShared') },
            ]}
          />
          {filtered && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                set({
                  type: undefined,
                  channel: undefined,
                  unitId: undefined,
                  year: undefined,
                  flagged: undefined,
                });
              }}
            >
              {t('common.reset')}
            </Button>
          )}
        </Flex>
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
            onClick={() => {
              bulk.mutate({ action: 'approve' });
            }}
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
        countText={t('common.loadedCount', { count: rows.length })}
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
        title={t('reviews.bulkReturn')}
        confirming={bulk.isPending}
        onCancel={() => {
          setReturning(false);
        }}
        onOk={(reason) => {
          bulk.mutate({ action: 'return', reason });
        }}
      />
      <Modal
        open={results !== null}
        title={results ? t(`reviews.bulkResult.${results.action}`) : ''}
        footer={null}
        onCancel={() => {
          setResults(null);
        }}
      >
        <List
          data-testid="bulk-results"
          dataSource={results?.result.items ?? []}
          renderItem={(item) => (
            <List.Item>
              <Space>
                <Tag color={item.ok ? 'green' : 'red'}>
                  {item.ok ? t('reviews.bulkOk') : t('reviews.bulkFailed')}
                </Tag>
                {results?.names.get(item.id) ?? item.id}
                {item.ok
                  ? item.status && t(`reviews.claimStatus.${item.status}`)
                  : item.error &&
                    t(
                      errorMessageKey(
                        new ApiError({
                          code: item.error.code as ApiErrorCode,
                          message: item.error.message,
                          status: 0,
                        }),
                      ),
                    )}
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </Card>
  );
}
