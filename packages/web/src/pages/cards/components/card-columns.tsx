import { Button, Flex, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import type { Card } from '@jijiao/contracts';
import type { Translate } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { feeYuan, statusColour } from '../card-format';

/** The cards table's columns; the actions column only for those who may act on cards. */
export function cardColumns({
  t,
  canAct,
  onHistory,
  onReportLoss,
  onReissue,
}: {
  t: Translate;
  canAct: boolean;
  onHistory: (holder: Card['holder']) => void;
  onReportLoss: (card: Card) => void;
  onReissue: (card: Card) => void;
}): TableColumnsType<Card> {
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
                onHistory(card.holder);
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
                onReportLoss(card);
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
                onReissue(card);
              }}
            >
              {t('cards.reissue')}
            </Button>
          )}
        </Flex>
      ),
    });
  return columns;
}
