import { Suspense, lazy, useState } from 'react';
import { Button } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/use-t';
import { NotificationBell } from '../components/notifications/NotificationBell';

/** Loaded when first opened: the menu and the drawer are ~20 kB a learner's home never shows. */
const PhoneMenuDrawer = lazy(async () => ({
  default: (await import('./PhoneMenuDrawer')).PhoneMenuDrawer,
}));

/**
 * The header on a learner's phone, one line: the name of the app and one button. The
 * button opens a drawer with who is signed in, the whole menu (pages the tab bar leaves
 * out: project search, password), the language and signing out.
 */
export function PhoneHeader() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [everOpened, setEverOpened] = useState(false);
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
      <span style={{ marginInlineStart: 'auto' }}>
        <NotificationBell />
      </span>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={t('phone.openMenu')}
        data-testid="phone-menu-button"
        onClick={() => {
          setOpenedAt(pathname);
          setEverOpened(true);
          setOpen(true);
        }}
      />
      {everOpened && (
        <Suspense fallback={null}>
          <PhoneMenuDrawer
            open={open}
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
