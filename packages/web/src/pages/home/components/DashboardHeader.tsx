import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { homeLabel } from '../home-title';

/** The heading of a role's 工作台: its name, who is signed in, at which organisation. */
export function DashboardHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useT();
  const { me, grant } = useSession();
  return (
    <Flex justify="space-between" align="flex-end" wrap gap={8} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={2} data-testid="home-title" style={{ margin: 0 }}>
          {t(homeLabel(grant.role))}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.welcome', { name: me.user.displayName })} · {grant.orgName}{' '}
          <Tag>{t(`orgKind.${grant.orgKind}`)}</Tag>
        </Typography.Text>
      </div>
      {extra}
    </Flex>
  );
}
