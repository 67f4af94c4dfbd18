import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fetchUnreadCount, unreadCountKey } from '../../api/notifications';
import { useT } from '../../i18n/use-t';

/** The bell in the header of every role: the unread count, a tap opens the notifications. */
export function NotificationBell() {
  const { t } = useT();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: unreadCountKey,
    queryFn: fetchUnreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const count = unread.data ?? 0;
  return (
    <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
      <Button
        type="text"
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        data-testid="notification-bell"
        onClick={() => {
          void navigate('/notifications');
        }}
      />
    </Badge>
  );
}
