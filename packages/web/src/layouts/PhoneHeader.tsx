import { useState } from 'react';
import { Button, Divider, Drawer, Flex, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { useSignOut } from '../session/use-sign-out';
import { MainMenu } from './MainMenu';
import { RoleSwitch } from './RoleSwitch';

/**
 * The header on a learner's phone, one line: the name of the app and one button. The
 * button opens a drawer with who is signed in, the whole menu (pages the tab bar leaves
 * out: project search, password), the language and signing out.
 */
export function PhoneHeader() {
  const { t } = useT();
  const { me } = useSession();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState(pathname);
  // A menu entry tapped: the drawer closes once the page changes.
  if (open && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }
  return (
    <>
      <Link to="/" style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Link>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t('phone.openMenu')}
        data-testid="phone-menu-button"
        style={{ marginInlineStart: 'auto' }}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(true);
        }}
      />
      <Drawer
        open={open}
        placement="right"
        size={300}
        title={t('phone.menuTitle')}
        onClose={() => {
          setOpen(false);
        }}
        styles={{ body: { padding: 0 } }}
      >
        <div data-testid="phone-drawer">
          <Flex vertical gap={8} style={{ padding: 16 }}>
            <Typography.Text strong data-testid="user-name">
              {me.user.displayName}
            </Typography.Text>
            <RoleSwitch />
            <LanguageSwitch />
          </Flex>
          <Divider style={{ margin: 0 }} />
          <MainMenu />
          <Divider style={{ margin: 0 }} />
          <div style={{ padding: 16 }}>
            <Button
              block
              icon={<LogoutOutlined />}
              onClick={signOut.run}
              loading={signOut.isPending}
            >
              {t('common.signOut')}
            </Button>
          </div>
        </div>
      </Drawer>
    </>
  );
}
