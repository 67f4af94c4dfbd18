import type { ReactNode } from 'react';
import { Empty, Flex, Space, Tag, theme } from 'antd';
import type { PendingCredit, YearCredit } from '@jijiao/contracts';
import { useT } from '../../i18n/use-t';
import { ChannelTags, CreditCardHeadline, ReasonList, StatusTag } from './credit-tags';
import { Text } from '../Type';

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
  const { token } = theme.useToken();
  // A plain list, not antd's List: that one brings its pagination and page-size Select
  // (~30 kB compressed) to a page a phone opens first (ADR 0022).
  if (rows.length === 0)
    return (
      <div data-testid={testId}>
        <Empty description={empty} />
      </div>
    );
  return (
    <ul data-testid={testId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map(({ key, credit: c, statusNote, action }, index) => (
        <li
          key={key}
          data-testid="credit-item"
          style={{
            padding: `${token.paddingSM}px 0`,
            borderTop:
              index === 0
                ? undefined
                : `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`,
          }}
        >
          <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
            <CreditCardHeadline
              activityType={c.activityType}
              projectNumber={c.projectNumber}
              credits={c.credits}
            />
            <Space size={4} wrap>
              <Text type="secondary">{c.activityDate}</Text>
              <ChannelTags channels={c.channels} />
              <StatusTag status={c.status} />
              {'class' in c && c.class && <Tag>{t('credits.classTag', { class: c.class })}</Tag>}
            </Space>
            {statusNote}
            {c.reasons.length > 0 && <ReasonList reasons={c.reasons} />}
            {action}
          </Flex>
        </li>
      ))}
    </ul>
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
        <Text type="secondary">{claim.currentReviewerOrgName}</Text>
      )}
      {claim.returnReason && (
        <Text type="danger">{t('claims.returnedBecause', { reason: claim.returnReason })}</Text>
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
