import { Suspense } from 'react';
import { Button, Flex, Layout, Typography, theme } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { DemoBanner } from '../components/DemoBanner';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoading } from '../components/PageState';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { useSignOut } from '../session/use-sign-out';
import { MainMenu } from './MainMenu';
import { RoleSwitch } from './RoleSwitch';

/** The frame of every signed-in page: header, demo banner, side menu, content. */
export function AppLayout() {
  const { t } = useT();
  const { me } = useSession();
  const signOut = useSignOut();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <Flex align="center" gap={12} wrap style={{ marginInlineStart: 'auto' }}>
          <Typography.Text strong data-testid="user-name">
            {me.user.displayName}
          </Typography.Text>
          <RoleSwitch />
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} onClick={signOut.run} loading={signOut.isPending}>
            {t('common.signOut')}
          </Button>
        </Flex>
      </Layout.Header>
      <DemoBanner />
      <Layout>
        <Layout.Sider
          width={208}
          breakpoint="lg"
          collapsedWidth={0}
          style={{ background: token.colorBgContainer }}
        >
          <MainMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
