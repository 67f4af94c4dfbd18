import { useState } from 'react';
import { Badge, Button, Empty, Flex, Switch } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Notification } from '@jijiao/contracts';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationsKey,
} from '../../api/notifications';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoading } from '../../components/PageState';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/Type';
import { useFeedback } from '../../components/feedback';
import { labelOf } from '../../i18n/vocabulary';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../utils/format';

/** 通知: the account's notifications, newest first; each opens what it is about. */
export function NotificationsPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: [...notificationsKey, unreadOnly],
    queryFn: ({ pageParam }) =>
      listNotifications({
        limit: 20,
        after: pageParam,
        ...(unreadOnly ? { unread: 'true' as const } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  const markAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: async () => {
      message.success(t('notifications.markedAll'));
      await refresh();
    },
  });
  const open = useMutation({
    mutationFn: async (n: Notification) => {
      if (n.readAt === null) await markNotificationRead(n.id);
      return n;
    },
    onSuccess: async (n) => {
      await refresh();
      if (n.link) void navigate(n.link);
    },
  });

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Flex gap={12} align="center" wrap>
            <Flex gap={6} align="center">
              <Switch
                size="small"
                checked={unreadOnly}
                onChange={setUnreadOnly}
                aria-label={t('notifications.unreadOnly')}
              />
              <Text>{t('notifications.unreadOnly')}</Text>
            </Flex>
            <Button
              onClick={() => {
                markAll.mutate();
              }}
              loading={markAll.isPending}
              data-testid="notifications-mark-all"
            >
              {t('notifications.markAllRead')}
            </Button>
          </Flex>
        }
      />
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Panel>
          <Empty description={t('notifications.empty')} />
        </Panel>
      ) : (
        <Flex vertical gap={8} data-testid="notification-list">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onOpen={() => {
                open.mutate(n);
              }}
            />
          ))}
          {list.hasNextPage ? (
            <Button
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('notifications.loadMore')}
            </Button>
          ) : null}
        </Flex>
      )}
    </>
  );
}

function NotificationItem({
  notification: n,
  onOpen,
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const { t } = useT();
  const unread = n.readAt === null;
  const known = labelOf(t, 'notificationKind', n.kind) !== '—';
  const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, String(v)]));
  return (
    <Panel>
      <button
        type="button"
        onClick={onOpen}
        data-testid="notification-item"
        data-unread={unread}
        style={{
          all: 'unset',
          cursor: 'pointer',
          display: 'block',
          width: '100%',
        }}
      >
        <Flex justify="space-between" gap={8} align="baseline" wrap>
          <Text strong={unread}>
            {unread ? <Badge status="processing" style={{ marginInlineEnd: 6 }} /> : null}
            {labelOf(t, 'notificationKind', n.kind)}
          </Text>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(n.createdAt)}
          </Text>
        </Flex>
        {known ? (
          <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
            <Text>{t(`notifications.text.${n.kind}`, params)}</Text>
          </div>
        ) : null}
        {unread ? (
          <Text type="secondary" style={{ fontSize: 12 }}>
            {t('notifications.unread')}
          </Text>
        ) : null}
      </button>
    </Panel>
  );
}
