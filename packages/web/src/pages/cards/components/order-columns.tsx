import { Button, Flex, Popconfirm, Tag, type TableColumnsType } from 'antd';
import type { CardOrder, CardOrderStatus } from '@jijiao/contracts';
import type { Translate } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

const orderColour: Record<CardOrderStatus, string> = {
  pending: 'gold',
  fulfilled: 'green',
  cancelled: 'default',
};

/** The orders' columns: a pending order is fulfilled by the bureau or cancelled by the unit. */
export function orderColumns({
  t,
  canOrder,
  canIssue,
  onFulfil,
  onCancel,
}: {
  t: Translate;
  canOrder: boolean;
  canIssue: boolean;
  onFulfil: (order: CardOrder) => void;
  onCancel: (order: CardOrder) => void;
}): TableColumnsType<CardOrder> {
  return [
    { title: t('cards.orders.unit'), dataIndex: 'unitName' },
    { title: t('cards.orders.bureau'), dataIndex: 'bureauName' },
    { title: t('cards.orders.count'), dataIndex: 'count' },
    {
      title: t('cards.orders.status'),
      dataIndex: 'status',
      render: (s: CardOrderStatus) => (
        <Tag color={orderColour[s]} data-testid="order-status">
          {t(`cards.orders.statusLabel.${s}`)}
        </Tag>
      ),
    },
    { title: t('cards.orders.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    {
      title: t('cards.orders.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('cards.orders.fulfilledAt'),
      dataIndex: 'fulfilledAt',
      render: (at: string | null) => formatDateTime(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, order) =>
        order.status === 'pending' && (
          <Flex gap={8}>
            {canIssue && (
              <Popconfirm
                title={t('cards.orders.fulfilConfirm', { count: order.count })}
                onConfirm={() => {
                  onFulfil(order);
                }}
              >
                <Button size="small" type="primary" data-testid={`fulfil-${order.id}`}>
                  {t('cards.orders.fulfil')}
                </Button>
              </Popconfirm>
            )}
            {canOrder && (
              <Popconfirm
                title={t('cards.orders.cancelConfirm')}
                onConfirm={() => {
                  onCancel(order);
                }}
              >
                <Button size="small" data-testid={`cancel-${order.id}`}>
                  {t('cards.orders.cancel')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ),
    },
  ];
}
