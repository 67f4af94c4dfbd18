import { useState } from 'react';
import {
  App,
  Button,
  Drawer,
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
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cardStatuses, type Card, type CardStatus } from '@jijiao/contracts';
import { listCards, personCards, reissueCard, reportCardLoss } from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { PageError } from '../../components/PageState';
import { errorMessageKey } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../utils/format';
import { cardNumberProblem, feeYuan, statusColour } from './card-format';

const pageSize = 50;
export const cardsQueryKey = ['cards'];

interface Filters {
  status?: CardStatus;
  number?: string;
  name?: string;
}

/** The cards in the caller's reach: their staff's cards and, for a bureau, its stock. */
export function CardsTab({ canAct }: { canAct: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [reissuing, setReissuing] = useState<Card | null>(null);
  const [reissueNumber, setReissueNumber] = useState('');
  const [historyOf, setHistoryOf] = useState<Card['holder']>(null);
  const pages = useInfiniteQuery({
    queryKey: [...cardsQueryKey, 'list', filters],
    queryFn: ({ pageParam }) => listCards({ ...filters, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: cardsQueryKey });
  const onError = (error: unknown) => void message.error(t(errorMessageKey(error)));

  const lose = useMutation({
    mutationFn: (card: Card) => reportCardLoss(card.id),
    onSuccess: (card) => {
      void message.success(t('cards.lost', { number: card.number }));
      void refresh();
    },
    onError,
  });
  const reissue = useMutation({
    mutationFn: ({ card, number }: { card: Card; number: string }) =>
      reissueCard(card.id, number || undefined),
    onSuccess: (card) => {
      setReissuing(null);
      setReissueNumber('');
      void message.success(
        t('cards.reissued', { number: card.number, yuan: feeYuan(card.feeFen ?? 0) }),
      );
      void refresh();
    },
    onError,
  });

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const numberProblem = reissueNumber ? cardNumberProblem(reissueNumber) : null;

  const columns: TableColumnsType<Card> = [
    {
      title: t('cards.number'),
      dataIndex: 'number',
      render: (number: string) => <Typography.Text code>{number}</Typography.Text>,
    },
    {
      title: t('cards.status'),
      key: 'status',
      render: (_, card) => (
        <Flex vertical align="flex-start">
          <Tag color={statusColour[card.status]} data-testid="card-status">
            {t(`cards.statusLabel.${card.status}`)}
          </Tag>
          {card.lostAt && (
            <Typography.Text type="secondary">{formatDateTime(card.lostAt)}</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('cards.holder'),
      key: 'holder',
      render: (_, card) =>
        card.holder ? (
          <Flex vertical>
            <Typography.Link
              onClick={() => {
                setHistoryOf(card.holder);
              }}
            >
              {card.holder.name}
            </Typography.Link>
            <Typography.Text type="secondary">{card.holder.idNumberMasked}</Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    { title: t('cards.unit'), key: 'unit', render: (_, card) => card.holder?.unitName ?? '—' },
    { title: t('cards.issuer'), dataIndex: 'issuerName' },
    {
      title: t('cards.channel'),
      key: 'channel',
      render: (_, card) => (
        <Flex vertical>
          <span>{card.channel ? t(`cards.channelLabel.${card.channel}`) : '—'}</span>
          {card.replacesNumber && (
            <Typography.Text type="secondary">
              {t('cards.replaces', { number: card.replacesNumber })}
            </Typography.Text>
          )}
          {card.replacedByNumber && (
            <Typography.Text type="secondary">
              {t('cards.replacedBy', { number: card.replacedByNumber })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('cards.boundAt'),
      dataIndex: 'boundAt',
      render: (at: string | null) => formatDateTime(at),
    },
    {
      title: t('cards.fee'),
      dataIndex: 'feeFen',
      render: (fen: number | null) =>
        fen === null ? '—' : t('cards.feeValue', { yuan: feeYuan(fen) }),
    },
  ];
  if (canAct)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, card) => (
        <Flex gap={8}>
          {card.status === 'active' && (
            <Popconfirm
              title={t('cards.reportLossConfirm', { number: card.number })}
              onConfirm={() => {
                lose.mutate(card);
              }}
            >
              <Button size="small" danger data-testid={`report-loss-${card.number}`}>
                {t('cards.reportLoss')}
              </Button>
            </Popconfirm>
          )}
          {card.status === 'lost' && card.replacedByNumber === null && card.holder && (
            <Button
              size="small"
              data-testid={`reissue-${card.number}`}
              onClick={() => {
                setReissuing(card);
              }}
            >
              {t('cards.reissue')}
            </Button>
          )}
        </Flex>
      ),
    });

  return (
    <>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters({
            ...(values.status ? { status: values.status } : {}),
            ...(values.number?.trim() ? { number: values.number.trim().toUpperCase() } : {}),
            ...(values.name?.trim() ? { name: values.name.trim() } : {}),
          });
        }}
      >
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('cards.allStatuses')}
            style={{ width: 160 }}
            options={cardStatuses.map((s) => ({ value: s, label: t(`cards.statusLabel.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="number">
          <Input placeholder={t('cards.numberFilter')} allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="name">
          <Input placeholder={t('cards.nameFilter')} allowClear style={{ width: 160 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setFilters({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form>
      <Table<Card>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={pages.isPending}
        pagination={false}
        locale={{ emptyText: t('cards.none') }}
        scroll={{ x: true }}
        data-testid="cards-table"
      />
      <ListFooter
        countText={t('common.loadedCount', { count: items.length })}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      <Modal
        open={reissuing !== null}
        title={reissuing ? t('cards.reissueTitle', { number: reissuing.number }) : ''}
        okText={t('cards.reissue')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: numberProblem !== null, loading: reissue.isPending }}
        onOk={() => {
          if (reissuing) reissue.mutate({ card: reissuing, number: reissueNumber.trim() });
        }}
        onCancel={() => {
          setReissuing(null);
          setReissueNumber('');
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('cards.reissueHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item
            label={t('cards.reissueNumber')}
            validateStatus={numberProblem ? 'error' : ''}
            help={numberProblem ? t('cards.invalidNumber') : undefined}
          >
            <Input
              value={reissueNumber}
              onChange={(e) => {
                setReissueNumber(e.target.value);
              }}
              data-testid="reissue-number"
            />
          </Form.Item>
        </Form>
      </Modal>
      <CardHistory
        holder={historyOf}
        onClose={() => {
          setHistoryOf(null);
        }}
      />
    </>
  );
}

/** A person's cards, newest first: order, loss, reissue. */
function CardHistory({ holder, onClose }: { holder: Card['holder']; onClose: () => void }) {
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
