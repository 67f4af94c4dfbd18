import { useState } from 'react';
import { Button, Flex, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { cardOrderStatuses, type CardOrder, type CardOrderStatus } from '@jijiao/contracts';
import { cancelCardOrder, fulfilCardOrder, listCardOrders } from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { PageError } from '../../components/PageState';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { cardsQueryKey } from './cards-query-key';
import { NewOrderModal } from './components/NewOrderModal';
import { orderColumns } from './components/order-columns';
import { useFeedback } from '../../components/feedback';

const pageSize = 50;
const ordersQueryKey = ['card-orders'];

/** 领卡申请: a unit orders cards for its staff; its district bureau issues them. */
export function OrdersTab({
  canOrder,
  canIssue,
  initialStatus,
}: {
  canOrder: boolean;
  canIssue: boolean;
  initialStatus?: CardOrderStatus | undefined;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CardOrderStatus | undefined>(initialStatus);
  const [creating, setCreating] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: [...ordersQueryKey, status],
    queryFn: ({ pageParam }) =>
      listCardOrders({ ...(status ? { status } : {}), limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ordersQueryKey });
    await queryClient.invalidateQueries({ queryKey: cardsQueryKey });
  };
  const onError = (error: unknown) => {
    message.error(errorText(t, error));
  };
  const fulfil = useMutation({
    mutationFn: (order: CardOrder) => fulfilCardOrder(order.id),
    onSuccess: () => {
      message.success(t('cards.orders.fulfilled'));
      void refresh();
    },
    onError,
  });
  const cancel = useMutation({
    mutationFn: (order: CardOrder) => cancelCardOrder(order.id),
    onSuccess: () => {
      message.success(t('cards.orders.cancelled'));
      void refresh();
    },
    onError,
  });

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const columns = orderColumns({
    t,
    canOrder,
    canIssue,
    onFulfil: (order) => {
      fulfil.mutate(order);
    },
    onCancel: (order) => {
      cancel.mutate(order);
    },
  });

  return (
    <>
      <Flex gap={8} style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          placeholder={t('cards.orders.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(v: CardOrderStatus | undefined) => {
            setStatus(v);
          }}
          options={cardOrderStatuses.map((s) => ({
            value: s,
            label: t(`cards.orders.statusLabel.${s}`),
          }))}
          data-testid="order-status-filter"
        />
        {canOrder && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreating(true);
            }}
            data-testid="new-order"
          >
            {t('cards.orders.new')}
          </Button>
        )}
      </Flex>
      <Table<CardOrder>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={pages.isPending}
        pagination={false}
        locale={{ emptyText: t('cards.orders.none') }}
        scroll={{ x: true }}
        data-testid="orders-table"
      />
      <ListFooter
        count={items.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      {creating && (
        <NewOrderModal
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(order) => {
            setCreating(false);
            message.success(t('cards.orders.created', { count: order.count }));
            void refresh();
          }}
        />
      )}
    </>
  );
}
