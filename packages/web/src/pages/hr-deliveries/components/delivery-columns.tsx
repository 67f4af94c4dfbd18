import { Button, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { HrPushDelivery, HrPushStatus } from '@jijiao/contracts';
import type { Translate } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

const statusColors: Record<HrPushStatus, string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

function SubjectCell({ t, d }: { t: Translate; d: HrPushDelivery }) {
  const { year, serial, voidedClaims, certificates, reason, personId } = d.subject;
  const parts = [
    year === null ? null : t('hrDeliveries.subjectYear', { year }),
    voidedClaims === null ? null : t('hrDeliveries.subjectClaims', { count: voidedClaims }),
    serial === null ? null : t('hrDeliveries.subjectSerial', { serial }),
    certificates === null ? null : t('hrDeliveries.subjectCertificates', { count: certificates }),
  ].filter((p) => p !== null);
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <div>{parts.join(' · ')}</div>
      {reason && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: 0 }}
          ellipsis={{ rows: 2, tooltip: reason }}
        >
          {t('hrDeliveries.subjectReason', { reason })}
        </Typography.Paragraph>
      )}
      {personId && (
        <Link to={`/progress/people/${personId}?year=${String(year ?? '')}`}>
          {t('hrDeliveries.viewPerson')}
        </Link>
      )}
    </div>
  );
}

/** Why the last attempt failed, in words; the receiver's own text on hover, for whoever debugs it. */
function ProblemCell({ t, d }: { t: Translate; d: HrPushDelivery }) {
  if (d.problem === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = t(`hrDeliveries.problem.${d.problem}`, { code: d.lastStatusCode ?? '' });
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
  actions: { onResend: (d: HrPushDelivery) => void; resending: string | null },
): TableColumnsType<HrPushDelivery> {
  return [
    {
      title: t('hrDeliveries.columns.createdAt'),
      key: 'createdAt',
      width: 130,
      render: (_, d) => formatDateTime(d.createdAt),
    },
    {
      title: t('hrDeliveries.columns.kind'),
      key: 'kind',
      width: 100,
      render: (_, d) => t(`hrDeliveries.kind.${d.kind}`),
    },
    {
      title: t('hrDeliveries.columns.subject'),
      key: 'subject',
      render: (_, d) => <SubjectCell t={t} d={d} />,
    },
    {
      title: t('hrDeliveries.columns.status'),
      key: 'status',
      width: 130,
      render: (_, d) => (
        <div>
          <Tag color={statusColors[d.status]} data-testid="delivery-status">
            {t(`hrDeliveries.status.${d.status}`)}
          </Tag>
          {d.deliveredAt && (
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
              {formatDateTime(d.deliveredAt)}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: t('hrDeliveries.columns.attempts'), dataIndex: 'attempts', width: 84 },
    {
      title: t('hrDeliveries.columns.lastError'),
      key: 'problem',
      width: 160,
      render: (_, d) => <ProblemCell t={t} d={d} />,
    },
    {
      title: t('hrDeliveries.columns.nextAttempt'),
      key: 'nextAttempt',
      width: 130,
      render: (_, d) => formatDateTime(d.nextAttemptAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 88,
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
            {t('hrDeliveries.resend')}
          </Button>
        ),
    },
  ];
}
