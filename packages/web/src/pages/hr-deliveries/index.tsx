import { Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { hrPushStatuses, type HrPushDelivery, type HrPushStatus } from '@jijiao/contracts';
import { listHrPushDeliveries, resendHrPushDelivery } from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { PageError, PageLoading } from '../../components/PageState';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { enumParam, toSearch } from '../../utils/url-state';
import { ReceiverCard } from './components/ReceiverCard';
import { deliveryColumns } from './components/delivery-columns';
import { useProvinceId } from './use-province-id';
import { PageHeader } from '../../components/PageHeader';
import { useFeedback } from '../../components/feedback';

const pageSize = 50;

/**
 * 人社投递记录: the HR platform receiver's settings, and every delivery to it with its
 * status, attempts, last failure and next attempt; a failed one can be sent again.
 */
export function HrDeliveriesPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = enumParam(hrPushStatuses, params.get('status'));
  const provinceId = useProvinceId();
  const pages = useInfiniteQuery({
    queryKey: ['hr-deliveries', provinceId, status],
    queryFn: ({ pageParam }) =>
      listHrPushDeliveries(provinceId ?? '', { status, limit: pageSize, after: pageParam }),
    enabled: provinceId !== undefined,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const resend = useMutation({
    mutationFn: (d: HrPushDelivery) => resendHrPushDelivery(provinceId ?? '', d.id),
    onSuccess: () => {
      message.success(t('hrDeliveries.resent'));
      void queryClient.invalidateQueries({ queryKey: ['hr-deliveries'] });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  if (provinceId === undefined) return <PageLoading />;
  const total = pages.data?.pages[0]?.total ?? 0;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = deliveryColumns(t, {
    onResend: (d) => {
      resend.mutate(d);
    },
    resending: resend.isPending ? resend.variables.id : null,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader title={t('hrDeliveries.title')} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('hrDeliveries.intro')}
        </Typography.Paragraph>
      </Card>
      <ReceiverCard provinceId={provinceId} />
      <Card
        title={t('hrDeliveries.listTitle')}
        extra={
          <Segmented<HrPushStatus | 'all'>
            data-testid="delivery-status-filter"
            value={status ?? 'all'}
            onChange={(next) => {
              void navigate(
                `/hr-deliveries${toSearch({ status: next === 'all' ? undefined : next })}`,
              );
            }}
            options={(['all', ...hrPushStatuses] as const).map((s) => ({
              value: s,
              label: t(`hrDeliveries.status.${s}`),
            }))}
          />
        }
      >
        {pages.data && (
          <Typography.Paragraph data-testid="deliveries-summary">
            {t('hrDeliveries.summary', { total })}
          </Typography.Paragraph>
        )}
        {pages.isError ? (
          <PageError error={pages.error} onRetry={() => void pages.refetch()} />
        ) : (
          <Table<HrPushDelivery>
            rowKey="id"
            size="small"
            tableLayout="fixed"
            loading={pages.isFetching && !pages.isFetchingNextPage}
            pagination={false}
            dataSource={items}
            data-testid="deliveries-table"
            scroll={{ x: 1030 }}
            columns={columns}
            locale={{ emptyText: <Empty description={t('hrDeliveries.empty')} /> }}
          />
        )}
        <ListFooter
          count={items.length}
          total={total}
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      </Card>
    </Space>
  );
}
