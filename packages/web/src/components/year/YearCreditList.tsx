import type { ReactNode } from 'react';
import { Empty, Flex, List, Space, Tag, Typography } from 'antd';
import type { PendingCredit, YearCredit } from '@jijiao/contracts';
import { useT } from '../../i18n/use-t';
import { ChannelTags, CreditCardHeadline, ReasonList, StatusTag } from './credit-tags';

interface Row {
  key: string;
  credit: YearCredit | PendingCredit;
  /** Under the status: who reviews it now, why it came back. */
  statusNote?: ReactNode;
  action?: ReactNode;
}

/**
 * The credits of a year as cards, one per credit, for a phone: the activity and the credits
 * on top, date, channel and status under them, then the rules' reasons. A table of seven
 * columns at 390 px leaves each two characters.
 */
export function YearCreditList({
  rows,
  empty,
  testId,
}: {
  rows: readonly Row[];
  empty: string;
  testId: string;
}) {
  const { t } = useT();
  return (
    <List
      data-testid={testId}
      rowKey="key"
      dataSource={[...rows]}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={({ credit: c, statusNote, action }) => (
        <List.Item data-testid="credit-item" style={{ paddingInline: 0 }}>
          <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
            <CreditCardHeadline
              activityType={c.activityType}
              projectNumber={c.projectNumber}
              credits={c.credits}
            />
            <Space size={4} wrap>
              <Typography.Text type="secondary">{c.activityDate}</Typography.Text>
              <ChannelTags channels={c.channels} />
              <StatusTag status={c.status} />
              {'class' in c && c.class && <Tag>{t('credits.classTag', { class: c.class })}</Tag>}
            </Space>
            {statusNote}
            {c.reasons.length > 0 && <ReasonList reasons={c.reasons} />}
            {action}
          </Flex>
        </List.Item>
      )}
    />
  );
}

export function yearCreditRows(
  credits: readonly YearCredit[],
  action?: (credit: YearCredit) => ReactNode,
): Row[] {
  return credits.map((c) => ({ key: c.claimId, credit: c, action: action?.(c) }));
}

export function PendingNote({ claim }: { claim: PendingCredit }) {
  const { t } = useT();
  return (
    <>
      {claim.status === 'submitted' && claim.currentReviewerOrgName && (
        <Typography.Text type="secondary">{claim.currentReviewerOrgName}</Typography.Text>
      )}
      {claim.returnReason && (
        <Typography.Text type="danger">
          {t('claims.returnedBecause', { reason: claim.returnReason })}
        </Typography.Text>
      )}
    </>
  );
}

export function pendingRows(
  pending: readonly PendingCredit[],
  action?: (claim: PendingCredit) => ReactNode,
): Row[] {
  return pending.map((c) => ({
    key: c.id,
    credit: c,
    statusNote: <PendingNote claim={c} />,
    action: action?.(c),
  }));
}
