import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { Link } from 'react-router';
import { DemoBanner } from '../../../components/DemoBanner';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useT } from '../../../i18n/use-t';

/**
 * The frame of the pages anyone opens without signing in, phone first: the name, the
 * language switch and the page's own actions on one line, then the content.
 */
export function PublicFrame({
  actions,
  maxWidth,
  children,
}: {
  actions?: ReactNode;
  /** Pages read on phones (verification) stay a readable column on wide screens. */
  maxWidth?: number;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Flex
        justify="space-between"
        align="center"
        gap={12}
        style={{
          padding: 16,
          width: '100%',
          maxWidth,
          marginInline: 'auto',
          boxSizing: 'border-box',
        }}
      >
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <Flex gap={12} align="center">
          <LanguageSwitch />
          {actions}
        </Flex>
      </Flex>
      <div
        style={{
          padding: '0 16px 24px',
          width: '100%',
          maxWidth,
          marginInline: 'auto',
          boxSizing: 'border-box',
        }}
      >
        {children}
      </div>
    </Flex>
  );
}
