import { useEffect } from 'react';
import { Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkinTokenSchema } from '@jijiao/contracts';
import { myCards, reportCardLoss } from '../../api';
import { request } from '../../api/client';
import { errorText } from '../../i18n/error-message';
import { formatDateTime } from '../../utils/format';
import { statusColour } from '../cards/card-format';
import { PageError, PageLoading } from '../../components/PageState';
import { QrCode } from '../../components/QrCode';
import { useT } from '../../i18n/use-t';
import { PageHeader } from '../../components/PageHeader';
import { useFeedback } from '../../components/feedback';

/** `/me/checkin-qr`: the learner's rotating signed token as a QR code, refreshed before expiry. */
export function CheckinQrPage() {
  const { t } = useT();
  const query = useQuery({
    queryKey: ['me', 'checkin-token'],
    queryFn: () => request('GET', '/api/v1/me/checkin-token', checkinTokenSchema),
  });
  const { refetch } = query;
  const refreshAfter = query.data?.refreshAfterSeconds;
  useEffect(() => {
    if (refreshAfter === undefined) return;
    const timer = window.setTimeout(() => void refetch(), refreshAfter * 1000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [refreshAfter, refetch, query.data]);

  return (
    <Flex vertical gap={16}>
      <Card>
        <PageHeader title={t('checkinQr.title')} />
        {query.isPending ? (
          <PageLoading />
        ) : query.isError ? (
          <PageError error={query.error} onRetry={() => void refetch()} />
        ) : (
          <Flex vertical align="center" gap={12}>
            <QrCode text={query.data.token} size={280} data-testid="checkin-qr" />
            <Typography.Text>
              {t('checkinQr.expires', {
                time: new Date(query.data.expiresAt).toLocaleTimeString(),
              })}
            </Typography.Text>
            <Typography.Paragraph type="secondary">{t('checkinQr.hint')}</Typography.Paragraph>
          </Flex>
        )}
      </Card>
      <MyCards />
    </Flex>
  );
}

/** 我的继教卡: the learner's cards, newest first, and a loss report for the active one. */
function MyCards() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const cards = useQuery({ queryKey: ['me', 'cards'], queryFn: myCards });
  const lose = useMutation({
    mutationFn: (id: string) => reportCardLoss(id),
    onSuccess: (card) => {
      message.success(t('cards.lost', { number: card.number }));
      void queryClient.invalidateQueries({ queryKey: ['me', 'cards'] });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  return (
    <Card title={t('cards.mine.title')} data-testid="my-cards">
      {cards.isPending ? (
        <PageLoading />
      ) : cards.isError ? (
        <PageError error={cards.error} onRetry={() => void cards.refetch()} />
      ) : cards.data.length === 0 ? (
        <Typography.Text type="secondary">{t('cards.mine.none')}</Typography.Text>
      ) : (
        <>
          <List
            dataSource={cards.data}
            renderItem={(card) => (
              <List.Item
                actions={
                  card.status === 'active'
                    ? [
                        <Popconfirm
                          key="lose"
                          title={t('cards.reportLossConfirm', { number: card.number })}
                          onConfirm={() => {
                            lose.mutate(card.id);
                          }}
                        >
                          <Button danger size="small">
                            {t('cards.reportLoss')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center">
                      <Typography.Text code>{card.number}</Typography.Text>
                      <Tag color={statusColour[card.status]}>
                        {t(`cards.statusLabel.${card.status}`)}
                      </Tag>
                    </Flex>
                  }
                  description={`${card.issuerName} · ${
                    card.channel ? t(`cards.channelLabel.${card.channel}`) : ''
                  } · ${formatDateTime(card.lostAt ?? card.boundAt)}`}
                />
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('cards.mine.lostHint')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
