import type { ReactNode } from 'react';
import { Flex, List, Typography } from 'antd';
import type { ClaimSummary } from '@jijiao/contracts';
import { CreditCardHeadline, StatusTag } from '../../../../components/year/credit-tags';
import { useT } from '../../../../i18n/use-t';

/** 申报记录 on a phone: one card per claim instead of a five-column table. */
export function ClaimCards({
  items,
  loading,
  statusNote,
  action,
}: {
  items: readonly ClaimSummary[];
  loading: boolean;
  statusNote: (claim: ClaimSummary) => ReactNode;
  action: (claim: ClaimSummary) => ReactNode;
}) {
  const { t } = useT();
  return (
    <List<ClaimSummary>
      rowKey="id"
      loading={loading}
      dataSource={[...items]}
      data-testid="my-claims"
      locale={{ emptyText: t('claims.empty') }}
      renderItem={(c) => (
        <List.Item data-testid="claim-item" style={{ paddingInline: 0 }}>
          <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
            <CreditCardHeadline
              activityType={c.activityType}
              projectNumber={c.projectNumber}
              credits={c.credits}
            />
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{c.activityDate}</Typography.Text>
              <StatusTag status={c.status} />
            </Flex>
            {statusNote(c)}
            {action(c)}
          </Flex>
        </List.Item>
      )}
    />
  );
}
