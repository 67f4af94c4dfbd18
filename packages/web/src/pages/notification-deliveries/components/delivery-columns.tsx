import { Button, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { NotificationDelivery, NotificationDeliveryStatus } from '@jijiao/contracts';
import type { Translate } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

const statusColors: Record<NotificationDeliveryStatus, string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
  skipped: 'default',
};

/** Why the last attempt failed, in words; the receiver's own text on hover, for whoever debugs it. */
function ProblemCell({ t, d }: { t: Translate; d: NotificationDelivery }) {
  if (d.lastError === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const label =
    d.lastStatusCode === null
      ? t('notifications.log.problem.unreachable')
      : t('notifications.log.problem.status', { code: d.lastStatusCode });
  return (
    <Tooltip title={d.lastError}>
      <Typography.Text type="danger" data-testid="delivery-problem">
        {label}
      </Typography.Text>
    </Tooltip>
  );
}

export function deliveryColumns(
  t: Translate,
  actions: { onResend: (d: NotificationDelivery) => void; resending: string | null },
): TableColumnsType<NotificationDelivery> {
  return [
    {
      title: t('notifications.log.columns.createdAt'),
      key: 'createdAt',
      width: 130,
      render: (_, d) => formatDateTime(d.createdAt),
    },
    {
      title: t('notifications.log.columns.recipient'),
      key: 'recipient',
      width: 150,
      render: (_, d) => (
        <div style={{ overflowWrap: 'anywhere' }}>
          <div>{d.recipient}</div>
          <Typography.Text type="secondary">{d.address}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('notifications.log.columns.channel'),
      key: 'channel',
      width: 90,
      render: (_, d) => t(`notifications.channel.${d.channel}`),
    },
    {
      title: t('notifications.log.columns.kind'),
      key: 'kind',
      render: (_, d) => t(`notifications.kind.${d.kind}`),
    },
    {
      title: t('notifications.log.columns.status'),
      key: 'status',
      width: 130,
      render: (_, d) => (
        <div>
          <Tag color={statusColors[d.status]} data-testid="delivery-status">
            {t(`notifications.delivery.${d.status}`)}
          </Tag>
          {d.status === 'pending' && d.quiet && (
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
              {t('notifications.log.quiet')}
            </Typography.Paragraph>
          )}
          {d.deliveredAt && (
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
              {formatDateTime(d.deliveredAt)}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: t('notifications.log.columns.attempts'), dataIndex: 'attempts', width: 80 },
    {
      title: t('notifications.log.columns.problem'),
      key: 'problem',
      width: 140,
      render: (_, d) => <ProblemCell t={t} d={d} />,
    },
    {
      title: t('notifications.log.columns.nextAttempt'),
      key: 'nextAttempt',
      width: 130,
      render: (_, d) => (d.status === 'pending' ? formatDateTime(d.nextAttemptAt) : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      render: (_, d) =>
        d.status === 'failed' && (
          <Button
            size="small"
            data-testid="resend-delivery"
            loading={actions.resending === d.id}
            onClick={() => {
              actions.onResend(d);
            }}
          >
            {t('notifications.log.resend')}
          </Button>
        ),
    },
  ];
}
