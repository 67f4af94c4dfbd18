import { useState } from 'react';
import { Form, Input, Modal, Table, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Card } from '@jijiao/contracts';
import { listCards, reissueCard, reportCardLoss } from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { PageError } from '../../components/PageState';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { cardNumberProblem, feeYuan } from './card-format';
import { cardsQueryKey } from './cards-query-key';
import { CardFilterBar, type CardFilters } from './components/CardFilterBar';
import { CardHistoryDrawer } from './components/CardHistoryDrawer';
import { cardColumns } from './components/card-columns';
import { useFeedback } from '../../components/feedback';

const pageSize = 50;

/** The cards in the caller's reach: their staff's cards and, for a bureau, its stock. */
export function CardsTab({ canAct }: { canAct: boolean }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<CardFilters>({});
  const [form] = Form.useForm<CardFilters>();
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
  const onError = (error: unknown) => {
    message.error(errorText(t, error));
  };

  const lose = useMutation({
    mutationFn: (card: Card) => reportCardLoss(card.id),
    onSuccess: (card) => {
      message.success(t('cards.lost', { number: card.number }));
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
      message.success(
        t('cards.reissued', { number: card.number, yuan: feeYuan(card.feeFen ?? 0) }),
      );
      void refresh();
    },
    onError,
  });

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const numberProblem = reissueNumber ? cardNumberProblem(reissueNumber) : null;

  const columns = cardColumns({
    t,
    canAct,
    onHistory: setHistoryOf,
    onReportLoss: (card) => {
      lose.mutate(card);
    },
    onReissue: setReissuing,
  });

  return (
    <>
      <CardFilterBar form={form} onApply={setFilters} />
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
        count={items.length}
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
      <CardHistoryDrawer
        holder={historyOf}
        onClose={() => {
          setHistoryOf(null);
        }}
      />
    </>
  );
}
