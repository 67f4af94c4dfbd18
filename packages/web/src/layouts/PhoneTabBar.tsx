import { createElement, useEffect, type ComponentType } from 'react';
import { theme } from 'antd';
import {
  FileProtectOutlined,
  FormOutlined,
  HomeOutlined,
  QrcodeOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { canOpen } from '../access';
import type { MessageKey } from '../i18n/message-key';
import { useT } from '../i18n/use-t';
import { appRoutes, flattenPages } from '../routes';
import { useSession } from '../session/session-context';

/** The bar's height without the phone's own bottom inset; the content leaves this free. */
export const tabBarHeight = 56;

const tabs: readonly { key: string; label: MessageKey; icon: ComponentType }[] = [
  { key: 'home', label: 'phone.tabs.home', icon: HomeOutlined },
  { key: 'credit-report', label: 'phone.tabs.report', icon: FormOutlined },
  { key: 'my-claims', label: 'phone.tabs.records', icon: UnorderedListOutlined },
  { key: 'my-certificates', label: 'phone.tabs.certificates', icon: FileProtectOutlined },
  { key: 'checkin-qr', label: 'phone.tabs.checkin', icon: QrcodeOutlined },
];

/** The tab a path belongs to: its own page, or the page it lies under. */
function isActive(pathname: string, path: string, all: readonly string[]): boolean {
  if (pathname === path) return true;
  if (path === '/' || !pathname.startsWith(`${path}/`)) return false;
  // /credits/new is its own tab, not part of /credits.
  return !all.some((other) => other !== path && pathname.startsWith(other));
}

/**
 * The learner's pages one thumb away, at the bottom of a phone's screen. It is fixed, so
 * the page reserves its height (padding and `scroll-padding-bottom`) and nothing hides
 * under it, not even what focus or `scrollIntoView` brings into view.
 */
export function PhoneTabBar() {
  const { t } = useT();
  const { access } = useSession();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const pages = flattenPages(appRoutes);
  const shown = tabs.flatMap((tab) => {
    const route = pages.find((p) => p.key === tab.key);
    if (route?.path === undefined) return [];
    if (!canOpen(route.rule ?? { permission: 'authenticated' }, access)) return [];
    return [{ ...tab, path: route.path }];
  });
  useEffect(() => {
    // The bar, its top border and a little air.
    const root = document.documentElement;
    root.style.scrollPaddingBottom = `calc(${String(tabBarHeight + 8)}px + env(safe-area-inset-bottom))`;
    return () => {
      root.style.scrollPaddingBottom = '';
    };
  }, []);
  const paths = shown.map((s) => s.path);
  return (
    <nav
      aria-label={t('phone.navigation')}
      data-testid="phone-tab-bar"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 100,
        display: 'flex',
        height: tabBarHeight,
        paddingBottom: 'env(safe-area-inset-bottom)',
        boxSizing: 'content-box',
        background: token.colorBgContainer,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      {shown.map((tab) => {
        const active = isActive(pathname, tab.path, paths);
        return (
          <Link
            key={tab.key}
            to={tab.path}
            aria-current={active ? 'page' : undefined}
            data-testid={`tab-${tab.key}`}
            style={{
              flex: '1 1 0',
              minWidth: 0,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 2,
              fontSize: 12,
              lineHeight: 1.2,
              color: active ? token.colorPrimary : token.colorTextSecondary,
            }}
          >
            <span style={{ fontSize: 20 }}>{createElement(tab.icon)}</span>
            <span
              style={{
                maxWidth: '100%',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
            >
              {t(tab.label)}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
