import { Suspense, lazy, useMemo } from 'react';
import { Button, Flex, Layout, theme } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { DemoBanner } from '../components/DemoBanner';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoading } from '../components/PageState';
import { PageTrailContext } from '../components/page-trail-context';
import { useIsPhone } from '../components/use-is-phone';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { useSignOut } from '../session/use-sign-out';
import { currentTrail } from './page-trail';
import { PhoneHeader } from './PhoneHeader';
import { PhoneTabBar, tabBarHeight } from './PhoneTabBar';
import { RoleSwitch } from './RoleSwitch';
import { Text } from '../components/Type';
import { NotificationBell } from '../components/notifications/NotificationBell';

/** The side menu, with the layout only on a wide screen: a learner's phone uses the tab bar. */
const MainMenu = lazy(async () => ({ default: (await import('./MainMenu')).MainMenu }));

function DesktopHeaderItems() {
  const { t } = useT();
  const { me } = useSession();
  const signOut = useSignOut();
  return (
    <>
      <Link to="/" style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Link>
      <Flex align="center" gap={12} wrap style={{ marginInlineStart: 'auto' }}>
        <NotificationBell />
        <Text strong data-testid="user-name">
          {me.user.displayName}
        </Text>
        <RoleSwitch />
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={signOut.run} loading={signOut.isPending}>
          {t('common.signOut')}
        </Button>
      </Flex>
    </>
  );
}

/**
 * The frame of every signed-in page: header, demo banner, side menu, content. A learner on
 * a phone gets a one-line header and a bottom tab bar instead of the side menu; the tree
 * keeps its shape either way, so the page below is not mounted again when it switches.
 */
export function AppLayout() {
  const { access } = useSession();
  const isPhone = useIsPhone();
  const phone = isPhone && access.role === 'learner';
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const trail = useMemo(() => currentTrail(pathname, access.role), [pathname, access.role]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        data-testid="app-header"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: phone ? 12 : 24,
          height: phone ? 48 : undefined,
          lineHeight: phone ? 'normal' : undefined,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        {phone ? <PhoneHeader /> : <DesktopHeaderItems />}
      </Layout.Header>
      <DemoBanner />
      <Layout>
        {phone ? null : (
          <Layout.Sider
            width={208}
            breakpoint="lg"
            collapsedWidth={0}
            // The menu stays in view while a long page scrolls, and scrolls itself on a
            // short screen (1366×768 holds the province's groups with a scroll).
            style={{
              background: token.colorBgContainer,
              position: 'sticky',
              top: 0,
              maxHeight: '100vh',
              overflowY: 'auto',
            }}
          >
            <Suspense fallback={null}>
              <MainMenu />
            </Suspense>
          </Layout.Sider>
        )}
        <Layout.Content
          style={
            phone
              ? {
                  padding: 12,
                  paddingBottom: `calc(${String(tabBarHeight + 16)}px + env(safe-area-inset-bottom))`,
                  minWidth: 0,
                }
              : { padding: 24 }
          }
        >
          <PageTrailContext value={trail}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </PageTrailContext>
        </Layout.Content>
      </Layout>
      {phone ? <PhoneTabBar /> : null}
    </Layout>
  );
}
