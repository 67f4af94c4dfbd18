import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { homeLabel } from '../home-title';

/** The heading of a role's 工作台: its name, who is signed in, at which organisation. */
export function DashboardHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useT();
  const { me, grant } = useSession();
  return (
    <PageHeader
      title={<span data-testid="home-title">{t(homeLabel(grant.role))}</span>}
      subTitle={
        <>
          {t('home.welcome', { name: me.user.displayName })} · {grant.orgName}{' '}
          <Tag>{t(`orgKind.${grant.orgKind}`)}</Tag>
        </>
      }
      extra={extra}
    />
  );
}
