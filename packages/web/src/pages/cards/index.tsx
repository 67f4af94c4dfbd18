import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Modal, Select, Tabs, Typography } from 'antd';
import { CloudUploadOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { cardOrderStatuses } from '@jijiao/contracts';
import { listPeople, purchaseCard } from '../../api';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { CardsTab } from './CardsTab';
import { cardsQueryKey } from './cards-query-key';
import { OrdersTab } from './OrdersTab';
import { cardNumberProblem } from './card-format';
import { useDebouncedSearch } from '../../utils/use-debounced-search';
import { enumParam } from '../../utils/url-state';
import { PageHeader } from '../../components/PageHeader';
import { useFeedback } from '../../components/feedback';

/**
 * 继教卡: for a unit's card officer (card:manage) their staff's cards and their orders;
 * for a bureau (card:issue) its stock, the orders it fulfils, blank-card intake and
 * direct sales.
 */
export function CardsPage() {
  const { t } = useT();
  const { access } = useSession();
  const canManage = access.permissions.has('card:manage');
  const canIssue = access.permissions.has('card:issue');
  const [purchasing, setPurchasing] = useState(false);
  // A 工作台 opens the orders of one status: `?tab=orders&status=pending`.
  const [params] = useSearchParams();
  const tab = params.get('tab') === 'orders' ? 'orders' : 'cards';
  const orderStatus = enumParam(cardOrderStatuses, params.get('status'));

  return (
    <Card>
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <PageHeader title={t('cards.title')} />
        {canIssue && (
          <Flex gap={8}>
            <Button
              icon={<ShoppingCartOutlined />}
              onClick={() => {
                setPurchasing(true);
              }}
              data-testid="purchase"
            >
              {t('cards.purchase')}
            </Button>
            <Link to="/cards/import">
              <Button icon={<CloudUploadOutlined />}>{t('cards.importStock')}</Button>
            </Link>
          </Flex>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('cards.intro')}</Typography.Paragraph>
      <Tabs
        defaultActiveKey={tab}
        items={[
          {
            key: 'cards',
            label: t('cards.tabs.cards'),
            children: <CardsTab canAct={canManage || canIssue} />,
          },
          {
            key: 'orders',
            label: t('cards.tabs.orders'),
            children: (
              <OrdersTab canOrder={canManage} canIssue={canIssue} initialStatus={orderStatus} />
            ),
          },
        ]}
      />
      {purchasing && (
        <Purchase
          onClose={() => {
            setPurchasing(false);
          }}
        />
      )}
    </Card>
  );
}

/** 个人购卡: a person in the bureau's city buys a card; the next blank number unless given. */
function Purchase({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [setTyped, q] = useDebouncedSearch();
  const [personId, setPersonId] = useState<string | undefined>(undefined);
  const [number, setNumber] = useState('');
  const people = useQuery({
    queryKey: ['people', 'card-purchase', q],
    queryFn: () => listPeople({ q, limit: 20 }),
    enabled: q.length > 0,
  });
  const buy = useMutation({
    mutationFn: () =>
      purchaseCard({
        personId: personId ?? '',
        ...(number.trim() ? { cardNumber: number.trim() } : {}),
      }),
    onSuccess: (card) => {
      message.success(t('cards.purchased', { name: card.holder?.name ?? '', number: card.number }));
      void queryClient.invalidateQueries({ queryKey: cardsQueryKey });
      onClose();
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const numberProblem = number.trim() ? cardNumberProblem(number) : null;
  return (
    <Modal
      open
      title={t('cards.purchaseTitle')}
      okText={t('cards.purchase')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !personId || numberProblem !== null, loading: buy.isPending }}
      onOk={() => {
        buy.mutate();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('cards.purchaseHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('cards.person')} required>
          <Select
            showSearch={{ filterOption: false, onSearch: setTyped }}
            value={personId}
            onChange={setPersonId}
            placeholder={t('cards.personPlaceholder')}
            loading={people.isFetching}
            notFoundContent={null}
            options={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} · ${p.idNumberMasked} · ${p.unitName}`,
            }))}
            data-testid="purchase-person"
          />
        </Form.Item>
        <Form.Item
          label={t('cards.purchaseNumber')}
          validateStatus={numberProblem ? 'error' : ''}
          help={numberProblem ? t('cards.invalidNumber') : undefined}
        >
          <Input
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
