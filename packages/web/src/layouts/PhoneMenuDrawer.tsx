import { Button, Divider, Drawer, Flex } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { useSignOut } from '../session/use-sign-out';
import { MainMenu } from './MainMenu';
import { RoleSwitch } from './RoleSwitch';
import { Text } from '../components/Type';

/** The phone header's drawer: who is signed in, the role, the language, the menu, sign-out. */
export function PhoneMenuDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const { me } = useSession();
  const signOut = useSignOut();
  return (
    <Drawer
      open={open}
      placement="right"
      size={300}
      title={t('phone.menuTitle')}
      onClose={onClose}
      styles={{ body: { padding: 0 } }}
    >
      <div data-testid="phone-drawer">
        <Flex vertical gap={8} style={{ padding: 16 }}>
          <Text strong data-testid="user-name">
            {me.user.displayName}
          </Text>
          <RoleSwitch />
          <LanguageSwitch />
        </Flex>
        <Divider style={{ margin: 0 }} />
        <MainMenu />
        <Divider style={{ margin: 0 }} />
        <div style={{ padding: 16 }}>
          <Button block icon={<LogoutOutlined />} onClick={signOut.run} loading={signOut.isPending}>
            {t('common.signOut')}
          </Button>
        </div>
      </div>
    </Drawer>
  );
}
