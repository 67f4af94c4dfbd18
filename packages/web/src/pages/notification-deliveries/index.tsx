import { Card, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import {
  notificationChannels,
  notificationDeliveryStatuses,
  type NotificationChannel,
  type NotificationDelivery,
  type NotificationDeliveryStatus,
} from '@jijiao/contracts';
import { listNotificationDeliveries, resendNotificationDelivery } from '../../api/notifications';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { PageError } from '../../components/PageState';
import { useFeedback } from '../../components/feedback';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { enumParam, toSearch } from '../../utils/url-state';
import { deliveryColumns } from './components/delivery-columns';

const pageSize = 50;

/**
 * 通知投递记录 (ADR 0038): every email, SMS and WeChat message to the accounts of the system
 * administrator's subtree, with its status, attempts, last failure and next attempt; a
 * failed one can be sent again.
 */
export function NotificationDeliveriesPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = enumParam(notificationDeliveryStatuses, params.get('status'));
  const channel = enumParam(notificationChannels, params.get('channel'));
  const pages = useInfiniteQuery({
    queryKey: ['notification-deliveries', status, channel],
    queryFn: ({ pageParam }) =>
      listNotificationDeliveries({ status, channel, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const resend = useMutation({
    mutationFn: (d: NotificationDelivery) => resendNotificationDelivery(d.id),
    onSuccess: () => {
      message.success(t('notifications.log.resent'));
      void queryClient.invalidateQueries({ queryKey: ['notification-deliveries'] });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const go = (next: { status?: string | undefined; channel?: string | undefined }) => {
    void navigate(`/system/notifications${toSearch({ status, channel, ...next })}`);
  };
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
        <PageHeader title={t('notifications.log.title')} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('notifications.log.intro')}
        </Typography.Paragraph>
      </Card>
      <Card
        title={t('notifications.log.listTitle')}
        extra={
          <Space wrap>
            <Select<NotificationChannel | 'all'>
              data-testid="delivery-channel-filter"
              style={{ minWidth: 120 }}
              value={channel ?? 'all'}
              onChange={(next) => {
                go({ channel: next === 'all' ? undefined : next });
              }}
              options={(['all', ...notificationChannels] as const).map((c) => ({
                value: c,
                label:
                  c === 'all'
                    ? t('notifications.log.allChannels')
                    : t(`notifications.channel.${c}`),
              }))}
            />
            <Segmented<NotificationDeliveryStatus | 'all'>
              data-testid="delivery-status-filter"
              value={status ?? 'all'}
              onChange={(next) => {
                go({ status: next === 'all' ? undefined : next });
              }}
              options={(['all', ...notificationDeliveryStatuses] as const).map((s) => ({
                value: s,
                label: s === 'all' ? t('notifications.log.all') : t(`notifications.delivery.${s}`),
              }))}
            />
          </Space>
        }
      >
        {pages.isError ? (
          <PageError error={pages.error} onRetry={() => void pages.refetch()} />
        ) : (
          <Table<NotificationDelivery>
            rowKey="id"
            size="small"
            tableLayout="fixed"
            loading={pages.isFetching && !pages.isFetchingNextPage}
            pagination={false}
            dataSource={items}
            data-testid="deliveries-table"
            scroll={{ x: 1040 }}
            columns={columns}
            locale={{ emptyText: <Empty description={t('notifications.log.empty')} /> }}
          />
        )}
        <ListFooter
          count={items.length}
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      </Card>
    </Space>
  );
}
