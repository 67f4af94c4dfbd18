import { Drawer, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Card, CardStatus } from '@jijiao/contracts';
import { personCards } from '../../../api';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { statusColour } from '../card-format';
import { cardsQueryKey } from '../cards-query-key';

/** A person's cards, newest first: order, loss, reissue. */
export function CardHistoryDrawer({
  holder,
  onClose,
}: {
  holder: Card['holder'];
  onClose: () => void;
}) {
  const { t } = useT();
  const history = useQuery({
    queryKey: [...cardsQueryKey, 'person', holder?.personId],
    queryFn: () => personCards(holder?.personId ?? ''),
    enabled: holder !== null,
  });
  return (
    <Drawer
      open={holder !== null}
      onClose={onClose}
      title={holder ? t('cards.historyTitle', { name: holder.name }) : ''}
      size={520}
    >
      {history.isError ? (
        <PageError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Table<Card>
          rowKey="id"
          size="small"
          loading={history.isPending}
          pagination={false}
          dataSource={history.data ?? []}
          data-testid="card-history"
          columns={[
            { title: t('cards.number'), dataIndex: 'number' },
            {
              title: t('cards.status'),
              dataIndex: 'status',
              render: (status: CardStatus) => (
                <Tag color={statusColour[status]}>{t(`cards.statusLabel.${status}`)}</Tag>
              ),
            },
            {
              title: t('cards.channel'),
              dataIndex: 'channel',
              render: (channel: Card['channel']) =>
                channel ? t(`cards.channelLabel.${channel}`) : '—',
            },
            {
              title: t('cards.boundAt'),
              dataIndex: 'boundAt',
              render: (at: string | null) => formatDateTime(at),
            },
            {
              title: t('cards.lostAt'),
              dataIndex: 'lostAt',
              render: (at: string | null) => formatDateTime(at),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
