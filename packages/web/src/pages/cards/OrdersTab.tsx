import { useState } from 'react';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { cardOrderStatuses, type CardOrder, type CardOrderStatus } from '@jijiao/contracts';
import { cancelCardOrder, createCardOrder, fulfilCardOrder, listCardOrders } from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageError } from '../../components/PageState';
import { errorMessageKey } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../utils/format';
import { StaffPicker, type PickedPerson } from '../credits/bulk/components/StaffPicker';
import { cardsQueryKey } from './cards-query-key';

const pageSize = 50;
const ordersQueryKey = ['card-orders'];

const orderColour: Record<CardOrderStatus, string> = {
  pending: 'gold',
  fulfilled: 'green',
  cancelled: 'default',
};

/** 领卡申请: a unit orders cards for its staff; its district bureau issues them. */
export function OrdersTab({ canOrder, canIssue }: { canOrder: boolean; canIssue: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CardOrderStatus | undefined>(undefined);
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
  const onError = (error: unknown) => void message.error(t(errorMessageKey(error)));
  const fulfil = useMutation({
    mutationFn: (order: CardOrder) => fulfilCardOrder(order.id),
    onSuccess: () => {
      void message.success(t('cards.orders.fulfilled'));
      void refresh();
    },
    onError,
  });
  const cancel = useMutation({
    mutationFn: (order: CardOrder) => cancelCardOrder(order.id),
    onSuccess: () => {
      void message.success(t('cards.orders.cancelled'));
      void refresh();
    },
    onError,
  });

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<CardOrder> = [
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
                  fulfil.mutate(order);
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
                  cancel.mutate(order);
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
        countText={t('common.loadedCount', { count: items.length })}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      {creating && (
        <NewOrder
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(order) => {
            setCreating(false);
            void message.success(t('cards.orders.created', { count: order.count }));
            void refresh();
          }}
        />
      )}
    </>
  );
}

function NewOrder({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (order: CardOrder) => void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const { grant } = useSession();
  const atUnit = grant.orgKind === 'unit';
  const [unitId, setUnitId] = useState<string | undefined>(atUnit ? grant.orgId : undefined);
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [note, setNote] = useState('');
  const create = useMutation({
    mutationFn: () =>
      createCardOrder({
        unitId: unitId ?? '',
        personIds: people.map((p) => p.id),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: onCreated,
    onError: (error) => void message.error(t(errorMessageKey(error))),
  });
  return (
    <Modal
      open
      width={720}
      title={t('cards.orders.newTitle')}
      okText={t('cards.orders.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: unitId === undefined || people.length === 0,
        loading: create.isPending,
      }}
      onOk={() => {
        create.mutate();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('cards.orders.newHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('cards.orders.unit')}>
          {atUnit ? (
            <Typography.Text>{grant.orgName}</Typography.Text>
          ) : (
            <OrgTreeSelect
              selectableKinds={['unit']}
              value={unitId}
              onChange={(id) => {
                setUnitId(id);
                setPeople([]);
              }}
              style={{ width: 360 }}
            />
          )}
        </Form.Item>
        {unitId !== undefined && (
          <Form.Item
            label={t('cards.orders.people')}
            help={people.length === 0 ? t('cards.orders.needPeople') : undefined}
          >
            <StaffPicker unitId={unitId} value={people} onChange={setPeople} />
          </Form.Item>
        )}
        <Form.Item label={t('cards.orders.note')}>
          <Input
            value={note}
            maxLength={500}
            placeholder={t('cards.orders.notePlaceholder')}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
