import type { ReactNode } from 'react';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PendingCredit, YearCredit } from '@jijiao/contracts';
import { useT, type Translate } from '../../i18n/use-t';
import { ChannelTags, ReasonList, StatusTag, activityLabel } from './credit-tags';

/*
 * The year's credits and pending claims as tables, for wide screens. A phone shows them as
 * cards (YearCreditList) and never loads this module: antd's Table with its pagination and
 * size changer is ~60 kB compressed (ADR 0022).
 */

/** The columns both tables open with: what the activity was, when, and how it came in. */
function activityColumns<T extends YearCredit | PendingCredit>(t: Translate): ColumnsType<T> {
  return [
    {
      title: t('credits.columns.activity'),
      key: 'activity',
      render: (_, c) => activityLabel(t, c.activityType, c.projectNumber),
    },
    { title: t('credits.columns.date'), dataIndex: 'activityDate' },
    {
      title: t('credits.columns.channels'),
      key: 'channels',
      render: (_, c) => <ChannelTags channels={c.channels} />,
    },
  ];
}

export function YearTables({
  credits,
  pending,
  creditAction,
  pendingAction,
  which,
}: {
  credits: readonly YearCredit[];
  pending: readonly PendingCredit[];
  creditAction?: ((credit: YearCredit) => ReactNode) | undefined;
  pendingAction?: ((claim: PendingCredit) => ReactNode) | undefined;
  which: 'credits' | 'pending';
}) {
  return which === 'credits' ? (
    <CreditsTable credits={credits} action={creditAction} />
  ) : (
    <PendingTable pending={pending} action={pendingAction} />
  );
}

function CreditsTable({
  credits,
  action,
}: {
  credits: readonly YearCredit[];
  action?: ((credit: YearCredit) => ReactNode) | undefined;
}) {
  const { t } = useT();
  return (
    <Table<YearCredit>
      rowKey="claimId"
      size="small"
      pagination={false}
      dataSource={[...credits]}
      data-testid="year-credits"
      locale={{ emptyText: <Empty description={t('year.noCredits')} /> }}
      columns={[
        ...activityColumns<YearCredit>(t),
        {
          title: t('credits.columns.status'),
          key: 'status',
          render: (_, c) => <StatusTag status={c.status} />,
        },
        {
          title: t('credits.columns.credits'),
          key: 'credits',
          render: (_, c) => (
            <Space size={4}>
              <Typography.Text strong>{c.credits}</Typography.Text>
              {c.faceCredits !== c.credits && (
                <Typography.Text type="secondary">
                  {t('credits.faceValue', { credits: c.faceCredits })}
                </Typography.Text>
              )}
              {c.class && <Tag>{t('credits.classTag', { class: c.class })}</Tag>}
            </Space>
          ),
        },
        {
          title: t('credits.columns.reasons'),
          key: 'reasons',
          render: (_, c) => <ReasonList reasons={c.reasons} />,
        },
        ...(action
          ? [
              {
                title: t('common.actions'),
                key: 'action',
                render: (_: unknown, c: YearCredit) => action(c),
              },
            ]
          : []),
      ]}
    />
  );
}

function PendingTable({
  pending,
  action,
}: {
  pending: readonly PendingCredit[];
  action?: ((claim: PendingCredit) => ReactNode) | undefined;
}) {
  const { t } = useT();
  return (
    <Table<PendingCredit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...pending]}
      data-testid="year-pending"
      locale={{ emptyText: <Empty description={t('year.noPending')} /> }}
      columns={[
        ...activityColumns<PendingCredit>(t),
        {
          title: t('credits.columns.status'),
          key: 'status',
          render: (_, c) => (
            <Space orientation="vertical" size={2}>
              <StatusTag status={c.status} />
              {c.status === 'submitted' && c.currentReviewerOrgName && (
                <Typography.Text type="secondary">{c.currentReviewerOrgName}</Typography.Text>
              )}
              {c.returnReason && (
                <Typography.Text type="danger">
                  {t('claims.returnedBecause', { reason: c.returnReason })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: t('credits.columns.credits'), dataIndex: 'credits' },
        {
          title: t('credits.columns.reasons'),
          key: 'reasons',
          render: (_, c) => <ReasonList reasons={c.reasons} />,
        },
        ...(action
          ? [
              {
                title: t('common.actions'),
                key: 'action',
                render: (_: unknown, c: PendingCredit) => action(c),
              },
            ]
          : []),
      ]}
    />
  );
}
